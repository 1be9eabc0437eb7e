using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proeftuin.Data;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;

namespace Proeftuin.Web.Infrastructure;

/// <summary>Wires the DbContext to the configured provider, and migrates (and seeds) the database at start-up.</summary>
public static class DatabaseSetup
{
    public const string SeedDemoDataKey = "Database:SeedDemoData";

    public static void AddProeftuinDatabase(this WebApplicationBuilder builder)
    {
        // Read and check the settings now: a wrong provider stops start-up before anything else happens.
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        // Interceptors registered by features (e.g. the live room's cache of meeting state, ADR 33) see every save.
        // Pooled (issue 19): every hub call resolves its hub with a scoped DbContext, typing included, and building a
        // fresh context (its DbSets, its service lookup) was ~5 % of the server's CPU under the live load; a pooled one
        // is reset and handed out again. The context takes nothing but its options, and the interceptors are singletons.
        builder.Services.AddPooledDbContextFactory<ProeftuinDbContext>((services, options) => options.Use(settings).AddInterceptors(services.GetServices<IInterceptor>()));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<ProeftuinDbContext>>().CreateDbContext());

        // Registered before the web server starts listening: no request sees an unmigrated database.
        builder.Services.AddHostedService<DatabaseStartupService>();
    }

    internal static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Proeftuin.Database");

        await DatabaseMigrator.MigrateAsync(db, settings, logger, cancellationToken);

        if (!configuration.GetValue<bool>(SeedDemoDataKey))
        {
            return;
        }

        var seeded = await new DemoDataSeeder(db, scope.ServiceProvider.GetRequiredService<TimeProvider>()).SeedAsync(cancellationToken);
        if (seeded && environment.IsDevelopment())
        {
            LogDemoAccounts(logger);
        }
    }

    private static void LogDemoAccounts(ILogger logger)
    {
        // Only in Development: these are public demo credentials, printed in the README as well.
        var accounts = string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"  {a.Email} — {a.Name}"));
        logger.LogWarning(
            "Demodata aangemaakt. Alle demo-accounts hebben het wachtwoord {Password}:{NewLine}{Accounts}",
            DemoAccounts.Password,
            Environment.NewLine,
            accounts);
    }
}
