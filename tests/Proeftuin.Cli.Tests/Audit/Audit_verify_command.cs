using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Tests.Audit;

/// <summary>
/// <c>proeftuin audit verify</c> on a log written with a production-like secret key (read from a key file) and
/// checkpoints in a file, as the web app writes them.
/// </summary>
public sealed class Audit_verify_command : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "proeftuin-cli-audit", Guid.NewGuid().ToString("N"))).FullName;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    private string Connection => $"Data Source={Path.Combine(_folder, "audit.db")};Pooling=False";

    private string Checkpoints => Path.Combine(_folder, "checkpoints.log");

    [Fact]
    public async Task An_intact_chain_passes_against_its_last_checkpoint()
    {
        await WriteEntriesAsync(5);
        await CheckpointAsync();
        await WriteEntriesAsync(1);

        var (exitCode, output, error) = await VerifyAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("6 regels", output, StringComparison.Ordinal);
        Assert.Contains("in overeenstemming met het controlepunt", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Without_a_checkpoint_the_chain_is_checked_and_the_missing_file_is_named()
    {
        await WriteEntriesAsync(5);

        var (exitCode, output, _) = await VerifyAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("5 regels", output, StringComparison.Ordinal);
        Assert.Contains($"{Checkpoints} bestaat niet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_last_entries_fails_and_names_the_checkpoint()
    {
        await WriteEntriesAsync(6);
        var checkpoint = await CheckpointAsync();
        await ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence > 3");

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("GESCHONDEN", error, StringComparison.Ordinal);
        Assert.Contains("het log eindigt bij regel 3", error, StringComparison.Ordinal);
        Assert.Contains($"het controlepunt van {checkpoint.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC (regel 6, 6 regels) in {Checkpoints}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_the_whole_chain_without_the_key_fails()
    {
        await WriteEntriesAsync(4);
        await CheckpointAsync();

        // Someone with database access but not the key removes entry 2 and re-seals the rest with a key of their own.
        await using (var db = Context())
        {
            var kept = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != 2).OrderBy(e => e.Sequence).ToListAsync();
            await db.AuditEntries.ExecuteDeleteAsync();
            AuditEntry? previous = null;
            foreach (var entry in kept)
            {
                AuditChain.Seal(entry, previous, new AuditKey(RandomNumberGenerator.GetBytes(32)));
                previous = entry;
            }

            db.AuditEntries.AddRange(kept);
            await db.SaveChangesAsync();
        }

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 1 is gewijzigd, zonder de sleutel herschreven", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_one_row_in_the_database_is_detected_and_named()
    {
        await WriteEntriesAsync(5);
        await ExecuteAsync("UPDATE AuditEntries SET Outcome = 'success' WHERE Sequence = 3");

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_row_is_detected_at_the_row_after_it()
    {
        await WriteEntriesAsync(5);
        await ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 2");

        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verifying_with_another_key_fails()
    {
        await WriteEntriesAsync(2);
        var otherKey = Path.Combine(_folder, "other.key");
        await File.WriteAllTextAsync(otherKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "verify", "--key-file", otherKey, "--checkpoints", Checkpoints, "--provider", "Sqlite", "--connection", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("regel 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_too_short_names_the_setting()
    {
        await WriteEntriesAsync(1);
        var shortKey = Path.Combine(_folder, "short.key");
        await File.WriteAllTextAsync(shortKey, Convert.ToBase64String(new byte[16]));

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "verify", "--key-file", shortKey, "--provider", "Sqlite", "--connection", Connection);

        Assert.Equal(1, exitCode);
        Assert.Contains("Audit:ChainKey is te kort", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Out, string Error)> VerifyAsync()
    {
        var keyFile = Path.Combine(_folder, "chain.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(_key) + "\n");
        return await CliRunner.RunAsync("audit", "verify", "--key-file", keyFile, "--checkpoints", Checkpoints, "--provider", "Sqlite", "--connection", Connection);
    }

    private ProeftuinDbContext Context() => new(ProeftuinDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, Connection)));

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<AuditCheckpoint> CheckpointAsync() =>
        (await new AuditCheckpointWriter(new Factory(Context), new AuditKey(_key), new FileCheckpointSink(Checkpoints), TimeProvider.System).WriteAsync(CancellationToken.None))!;

    private async Task WriteEntriesAsync(int count)
    {
        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
        }

        var writer = new AuditWriter(new Factory(Context), TimeProvider.System, new AuditKey(_key));
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
