using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>The real app on a fresh SQLite file with the demo data, as a newcomer gets it on first run.</summary>
public sealed class ProeftuinWebFactory : WebApplicationFactory<Program>
{
    private readonly DemoAppSettings _settings = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => _settings.Apply(builder);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _settings.Delete();
    }
}
