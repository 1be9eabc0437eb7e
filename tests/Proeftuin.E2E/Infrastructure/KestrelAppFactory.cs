using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>
/// The real app on real Kestrel (a free loopback port), fresh SQLite with demo data, for the browser; optionally with
/// extra settings (e.g. a relying party's client registration).
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly DemoAppSettings _settings = new();
    private readonly IReadOnlyDictionary<string, string> _extra;

    public KestrelAppFactory(IReadOnlyDictionary<string, string>? extra = null)
    {
        _extra = extra ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _settings.Apply(builder);
        foreach (var (key, value) in _extra)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _settings.Delete();
    }
}
