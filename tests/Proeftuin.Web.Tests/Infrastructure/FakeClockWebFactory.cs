using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>
/// The real app on fresh demo data whose clock stands still until a test moves it: the room's throttles and timers
/// (cursor interval, operation rate limit, anonymisation re-check delay, meeting timer) then behave the same on an idle
/// and on a loaded machine. The clock starts at the real now, so the demo's dates stay meaningful. The login's TOTP
/// codes stay on the wall clock (DemoAppSettings' AuthenticatorClock), as an authenticator app's do: every code works
/// once, and on a clock that stands still an account would run out of time steps after a few logins.
/// </summary>
public sealed class FakeClockWebFactory : WebApplicationFactory<Program>
{
    private readonly DemoAppSettings _settings = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Extra settings of the app, e.g. a shorter interval of a timer the test then moves the clock past.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _settings.Apply(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _settings.Delete();
    }
}
