using Microsoft.Data.Sqlite;

namespace Proeftuin.Cli.Tests.Database;

public sealed class Seed_and_migrate_commands : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "proeftuin-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Seed_fills_an_empty_sqlite_database_once()
    {
        var connection = $"Data Source={Path.Combine(_folder, "cli.db")};Pooling=False";
        Directory.CreateDirectory(_folder);

        var first = await CliRunner.RunAsync("seed", "--provider", "Sqlite", "--connection", connection);
        var second = await CliRunner.RunAsync("seed", "--provider", "Sqlite", "--connection", connection);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Demodata toegevoegd", first.Out, StringComparison.Ordinal);
        Assert.Contains("ruud.jansen@demo.proeftuin.nl", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("al gegevens", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_large_adds_the_requested_volume_on_top_of_the_demo_data()
    {
        var connection = $"Data Source={Path.Combine(_folder, "large.db")};Pooling=False";
        Directory.CreateDirectory(_folder);

        var run = await CliRunner.RunAsync("seed", "--large", "--cases", "120", "--recommendations", "600", "--provider", "Sqlite", "--connection", connection);
        var wrong = await CliRunner.RunAsync("seed", "--large", "--cases", "veel", "--provider", "Sqlite", "--connection", connection);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("120 casussen en 600 aanbevelingen", run.Out, StringComparison.Ordinal);
        await using var db = new Proeftuin.Data.ProeftuinDbContext(Proeftuin.Data.Providers.ProeftuinDatabase.Options(
            new Proeftuin.Data.Providers.DatabaseSettings(Proeftuin.Data.Providers.DatabaseProvider.Sqlite, connection)));
        Assert.Equal(120, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CaseFiles, c => c.Code.StartsWith("W")));
        Assert.True(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Recommendations) >= 600);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("--cases", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_reports_an_unknown_provider_by_its_setting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("migrate", "--provider", "Oracle");

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_prints_help_and_fails()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("Onbekend commando", error, StringComparison.Ordinal);
        Assert.Contains("seed", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
