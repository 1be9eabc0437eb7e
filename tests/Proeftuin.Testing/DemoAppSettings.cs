using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Testing;

/// <summary>
/// Settings that host the real app as a newcomer gets it on first run: a fresh SQLite file with the demo data, in a
/// temporary folder that <see cref="Delete"/> removes again.
/// </summary>
public sealed class DemoAppSettings
{
    public const string IntegrationClientId = "test-integration";
    public const string IntegrationClientSecret = "test-integration-secret-0123456789";

    /// <summary>
    /// Login attempts per client address per minute. The suites log in many times from the one loopback address, so the
    /// limit is high here; the test of the limit itself sets it low.
    /// </summary>
    public int LoginPermitLimit { get; init; } = 10_000;

    /// <summary>The in-memory test server's address; links in mail point here.</summary>
    public string PublicBaseUrl { get; init; } = "http://localhost";

    /// <summary>The test server (localhost) and Kestrel on the loopback address.</summary>
    public string AllowedHosts { get; init; } = "localhost;127.0.0.1";

    /// <summary>
    /// True (the default): the app checks TOTP codes on the wall clock through <see cref="AuthenticatorClock"/>, which
    /// logins move on a step instead of waiting for it. False for a test that moves the app's own clock and wants the
    /// codes checked on that one.
    /// </summary>
    public bool AuthenticatorOnWallClock { get; init; } = true;

    public AuthenticatorClock AuthenticatorClock { get; } = new();

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "proeftuin-app-tests", Guid.NewGuid().ToString("N"));

    public void Apply(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Telemetry:Prometheus", "true");
        builder.UseSetting("ConnectionStrings:Proeftuin", string.Empty);
        builder.UseSetting("OpenIddict:Integration:ClientId", IntegrationClientId);
        builder.UseSetting("OpenIddict:Integration:ClientSecret", IntegrationClientSecret);
        // No calls to the real breach list from tests; Breached_password_check points it at its own range server.
        builder.UseSetting("Security:BreachedPasswords:Endpoint", string.Empty);
        // Outside Development the app needs its public address and host names (links in mail, the host filter).
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("AllowedHosts", AllowedHosts);
        builder.UseSetting("RateLimits:Login:PermitLimit", LoginPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // SQLite commits that do not wait for the disk (see TestSqliteDurability), passwords hashed with fewer
        // iterations (see DemoDatabaseTemplate.PasswordIterations), and the demo database as a copy of
        // the one template of this test process (DemoDatabaseTemplate), unless a test points the app at another
        // database or wants it empty. Decided on the final configuration, so settings a factory adds after these count
        // too; services are configured before any hosted service starts, so the app's start-up finds the file.
        builder.ConfigureServices((context, services) =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, TestSqliteDurability>();
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = DemoDatabaseTemplate.PasswordIterations);
            if (UsesOwnDemoFile(context.Configuration) && !File.Exists(Path.Combine(DataFolder, DemoDatabaseTemplate.FileName)))
            {
                DemoDatabaseTemplate.CopyTo(DataFolder);
            }
        });

        if (AuthenticatorOnWallClock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(AuthenticatorClock);
                services.Replace(ServiceDescriptor.Transient(_ => new SingleUseAuthenticatorTokenProvider(AuthenticatorClock)));
            });
        }

        // The test clients are on the same loaded machine as the app: a keep-alive that is late there is no dead client.
        builder.ConfigureServices(services => services.PostConfigure<Microsoft.AspNetCore.SignalR.HubOptions>(
            options => options.ClientTimeoutInterval = TimeSpan.FromMinutes(2)));
    }

    private bool UsesOwnDemoFile(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Sqlite", StringComparison.OrdinalIgnoreCase)
        && string.IsNullOrEmpty(configuration["ConnectionStrings:Proeftuin"])
        && string.Equals(configuration["Database:DataFolder"], DataFolder, StringComparison.Ordinal)
        && bool.TryParse(configuration["Database:SeedDemoData"], out var seed) && seed;

    /// <summary>
    /// Removes the data folder. Background work of the app that is just stopping (the delayed anonymisation re-check,
    /// the op-log writer) can still hold the SQLite file or its WAL for a moment, so this tries a few times; a folder
    /// that stays is a leftover in the temp directory, not a failed test.
    /// </summary>
    public void Delete()
    {
        for (var attempt = 1; attempt <= 10 && Directory.Exists(DataFolder); attempt++)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(100 * attempt);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
