using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;

namespace Proeftuin.Testing;

/// <summary>
/// One SQLite file, migrated and seeded with the demo data exactly as the app does on first run, made once per test
/// process and copied into the data folder of every test app before it starts. Every app then still gets a database
/// of its own, but pays for a file copy instead of running every migration and hashing every demo password again
/// (that was most of a test app's start-up). The app's own start-up still runs: it finds no pending migration and
/// data already there, as it does on every later start in production.
/// </summary>
public static class DemoDatabaseTemplate
{
    public const string FileName = "proeftuin.db";

    /// <summary>
    /// PBKDF2 iterations of the test apps' password hashes (Identity's default, which production keeps, is 100 000).
    /// Every login of a test checks a password, and at the default each check took about a tenth of a second of CPU on
    /// the CI machine, hundreds of times per run; no test is about the cost of a hash. The template's demo accounts are
    /// hashed with this count and the test apps are configured with it, so Identity finds nothing to re-hash. A hash
    /// with more iterations (an app that seeded itself, e.g. on PostgreSQL) still verifies, at its own cost.
    /// </summary>
    public const int PasswordIterations = 1_000;

    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a copy of the template at <c>proeftuin.db</c> in <paramref name="dataFolder"/> (where the app looks without a connection string).</summary>
    public static void CopyTo(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        File.Copy(Template.Value, Path.Combine(dataFolder, FileName), overwrite: false);
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "proeftuin-app-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, FileName);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        var options = (DbContextOptions<ProeftuinDbContext>)new DbContextOptionsBuilder<ProeftuinDbContext>().Use(settings).AddInterceptors(new TestSqliteDurability()).Options;
        using (var db = new ProeftuinDbContext(options))
        {
            // The same two steps as the app's DatabaseSetup.PrepareDatabaseAsync, on the real clock as there.
            DatabaseMigrator.MigrateAsync(db, settings, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult();
            new DemoDataSeeder(db, TimeProvider.System).SeedAsync(CancellationToken.None).GetAwaiter().GetResult();

            // Then the demo password hashed with the test apps' iteration count (see PasswordIterations).
            var hasher = new PasswordHasher<ProeftuinUser>(Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }));
            foreach (var user in db.Users.ToList())
            {
                user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            }

            db.SaveChanges();
        }

        // Everything into the main file, so that copying that one file copies the whole database.
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover in the temp directory, not a failed run.
            }
        };
        return file;
    }
}
