using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Tests.Audit;

public sealed class Audit_verify_command : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "proeftuin-cli-audit", Guid.NewGuid().ToString("N"))).FullName;

    private string Connection => $"Data Source={Path.Combine(_folder, "audit.db")};Pooling=False";

    [Fact]
    public async Task Whole_chain_verifies()
    {
        await WriteEntriesAsync(5);

        var (exitCode, output, _) = await CliRunner.RunAsync("audit", "verify", "--provider", "Sqlite", "--connection", Connection);

        Assert.Equal(0, exitCode);
        Assert.Contains("5 regels", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_one_row_in_the_database_is_detected_and_named()
    {
        await WriteEntriesAsync(5);
        await using (var db = Context())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Outcome = 'success' WHERE Sequence = 3");
        }

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "verify", "--provider", "Sqlite", "--connection", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_row_is_detected_at_the_row_after_it()
    {
        await WriteEntriesAsync(5);
        await using (var db = Context())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2");
        }

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "verify", "--provider", "Sqlite", "--connection", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 3", error, StringComparison.Ordinal);
    }

    private ProeftuinDbContext Context() => new(ProeftuinDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, Connection)));

    private async Task WriteEntriesAsync(int count)
    {
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
        }

        var writer = new AuditWriter(new Factory(Context), TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await writer.AppendAsync(new AuditEntry { Action = "read", Outcome = i == 2 ? "denied" : "success", ObjectType = "CaseFile", ObjectId = $"case-{i}", UserName = "test" });
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Factory(Func<ProeftuinDbContext> create) : IDbContextFactory<ProeftuinDbContext>
    {
        public ProeftuinDbContext CreateDbContext() => create();
    }
}
