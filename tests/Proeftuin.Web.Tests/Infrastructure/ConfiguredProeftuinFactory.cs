using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>
/// The real app on fresh demo data with extra settings, in memory or on real Kestrel (a free loopback port) when
/// another process-level client must reach it over HTTP, as a relying party's back channel does.
/// </summary>
public sealed class ConfiguredProeftuinFactory : WebApplicationFactory<Program>
{
    private readonly DemoAppSettings _settings;
    private readonly IReadOnlyDictionary<string, string> _extra;

    public ConfiguredProeftuinFactory(IReadOnlyDictionary<string, string> extra, bool onKestrel = false, DemoAppSettings? settings = null)
    {
        _extra = extra;
        _settings = settings ?? new DemoAppSettings();
        if (onKestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri KestrelAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().TrimEnd('/') + "/");
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
