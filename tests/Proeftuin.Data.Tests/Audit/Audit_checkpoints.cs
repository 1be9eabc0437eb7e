using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Audit;

/// <summary>The keyed chain and the signed checkpoints outside the database, against the attacks they are for.</summary>
public sealed class Audit_checkpoints : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "proeftuin-checkpoints", Guid.NewGuid().ToString("N"))).FullName;

    private string CheckpointFile => Path.Combine(_folder, "audit-checkpoints.log");

    [Theory]
    [AllProviders]
    public async Task An_intact_log_verifies_against_its_last_checkpoint(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AppendAsync(database, 5);
        await CheckpointAsync(database);
        await AppendAsync(database, 2);

        var verdict = await VerifyAsync(database);

        Assert.True(verdict.Intact, verdict.Message);
        Assert.Equal(7, verdict.Count);
        Assert.Contains("regel 5", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllProviders]
    public async Task Deleting_the_last_entries_fails_and_names_the_checkpoint(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await AppendAsync(database, 6);
        var checkpoint = await CheckpointAsync(database);
        await using (var db = database.CreateContext())
        {
            await db.AuditEntries.Where(e => e.Sequence > 4).ExecuteDeleteAsync();
        }

        var verdict = await VerifyAsync(database);

        Assert.False(verdict.Intact);
        Assert.Contains("laatste regels zijn verwijderd", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("eindigt bij regel 4", verdict.Message, StringComparison.Ordinal);
        Assert.Contains($"controlepunt van {checkpoint.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC (regel 6", verdict.Message, StringComparison.Ordinal);
        Assert.Contains(CheckpointFile, verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_the_whole_chain_without_the_key_fails_at_the_first_entry()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 4);
        await CheckpointAsync(database);

        // The attacker drops the row they want gone and re-seals what is left with a key of their own.
        await RewriteAsync(database, entries => entries.Where(e => e.Sequence != 2).ToList(), (entry, previous) =>
            AuditChain.Seal(entry, previous, new AuditKey(new byte[32])));

        var verdict = await VerifyAsync(database);

        Assert.False(verdict.Intact);
        Assert.Equal(1, verdict.BrokenAt);
    }

    [Fact]
    public async Task Rewriting_the_whole_chain_as_keyless_sha256_is_caught_by_the_checkpoint()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 4);
        await CheckpointAsync(database);

        // Version 1 (plain SHA-256) needs no key, so a rewrite in that form passes the chain check itself.
        await RewriteAsync(database, entries => entries, (entry, previous) =>
        {
            entry.Sequence = (previous?.Sequence ?? 0) + 1;
            entry.PreviousHash = previous?.Hash ?? AuditChain.Anchor;
            entry.ChainVersion = AuditChain.Sha256;
            entry.Outcome = "success";
            entry.Hash = AuditChain.ComputeHash(entry, AuditKey.Development);
        });

        var verdict = await VerifyAsync(database);

        Assert.False(verdict.Intact);
        Assert.Contains("regel 4 heeft niet de hash", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("herschreven", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_sha256_entries_keep_verifying_and_the_keyed_entries_after_them_may_not_fall_back()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 3);

        // As the migration leaves a log written before the key: every row plain SHA-256.
        await RewriteAsync(database, entries => entries, (entry, previous) =>
        {
            entry.ChainVersion = AuditChain.Sha256;
            entry.PreviousHash = previous?.Hash ?? AuditChain.Anchor;
            entry.Hash = AuditChain.ComputeHash(entry, AuditKey.Development);
        });
        await AppendAsync(database, 2);
        var mixed = await VerifyAsync(database);

        // A keyed entry recomputed as keyless: the chain may never go back to SHA-256.
        await using (var db = database.CreateContext())
        {
            var last = await db.AuditEntries.SingleAsync(e => e.Sequence == 5);
            last.ChainVersion = AuditChain.Sha256;
            last.Hash = AuditChain.ComputeHash(last, AuditKey.Development);
            await db.SaveChangesAsync();
        }

        var downgraded = await VerifyAsync(database);

        Assert.True(mixed.Intact, mixed.Message);
        await using (var db = database.CreateContext())
        {
            Assert.Equal([1, 1, 1, 2, 1], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.ChainVersion).ToListAsync());
        }

        Assert.False(downgraded.Intact);
        Assert.Equal(5, downgraded.BrokenAt);
    }

    [Fact]
    public async Task A_checkpoint_line_signed_without_the_key_is_reported()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 3);
        await CheckpointAsync(database);
        await File.AppendAllTextAsync(CheckpointFile, new AuditCheckpoint(2, "AB", 2, DateTime.UtcNow).Format(new AuditKey(new byte[32])) + "\n");

        var verdict = await VerifyAsync(database);

        Assert.False(verdict.Intact);
        Assert.Contains("geen geldige handtekening (eerste op regel 2", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_oldest_entries_without_a_purge_is_caught_by_the_count()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 5);
        await CheckpointAsync(database);
        await using (var db = database.CreateContext())
        {
            await db.AuditEntries.Where(e => e.Sequence <= 2).ExecuteDeleteAsync();
        }

        var verdict = await VerifyAsync(database);

        Assert.False(verdict.Intact);
        Assert.Contains("er ontbreken 2 regels vóór regel 5", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_writer_writes_a_checkpoint_only_when_the_log_grew()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var writer = new AuditCheckpointWriter(database.Contexts, AuditKey.Development, new FileCheckpointSink(CheckpointFile), TimeProvider.System);

        var empty = await writer.WriteAsync(CancellationToken.None);
        await AppendAsync(database, 2);
        var first = await writer.WriteAsync(CancellationToken.None);
        var unchanged = await writer.WriteAsync(CancellationToken.None);
        await AppendAsync(database, 1);
        var second = await writer.WriteAsync(CancellationToken.None);

        Assert.Null(empty);
        Assert.Equal((2L, 2L), (first!.Sequence, first.Count));
        Assert.Null(unchanged);
        Assert.Equal((3L, 3L), (second!.Sequence, second.Count));
        Assert.Equal(2, (await File.ReadAllLinesAsync(CheckpointFile)).Length);
    }

    [Fact]
    public async Task The_syslog_target_sends_the_signed_line_to_the_local_socket()
    {
        // A datagram socket of our own stands in for /dev/log, as rsyslog or journald would bind it.
        var socketPath = Path.Combine(_folder, "log.sock");
        using var daemon = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        daemon.Bind(new UnixDomainSocketEndPoint(socketPath));
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await AppendAsync(database, 3);
        var writer = new AuditCheckpointWriter(database.Contexts, AuditKey.Development, new SyslogCheckpointSink(socketPath, TimeProvider.System), TimeProvider.System);

        var written = await writer.WriteAsync(CancellationToken.None);
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = Encoding.UTF8.GetString(buffer, 0, await daemon.ReceiveAsync(buffer, SocketFlags.None, timeout.Token));

        // What syslog stores (the line with its prefix) is what `audit verify --checkpoints` reads back.
        await File.WriteAllTextAsync(CheckpointFile, $"Dec  2 10:00:00 host {received[(received.IndexOf('>') + 1)..]}\n");
        var verdict = await VerifyAsync(database);

        Assert.StartsWith("<85>", received, StringComparison.Ordinal);
        Assert.Contains("proeftuin-audit[", received, StringComparison.Ordinal);
        Assert.EndsWith(written!.Format(AuditKey.Development), received, StringComparison.Ordinal);
        Assert.True(verdict.Intact, verdict.Message);
        Assert.Contains("regel 3", verdict.Message, StringComparison.Ordinal);
    }

    private static async Task AppendAsync(TestDatabase database, int count)
    {
        var writer = new AuditWriter(database.Contexts, TimeProvider.System, AuditKey.Development);
        for (var i = 0; i < count; i++)
        {
            await writer.AppendAsync(new AuditEntry { Action = "read", Outcome = "success", ObjectType = "CaseFile", ObjectId = Guid.NewGuid().ToString(), UserName = "test" });
        }
    }

    private async Task<AuditCheckpoint> CheckpointAsync(TestDatabase database) =>
        (await new AuditCheckpointWriter(database.Contexts, AuditKey.Development, new FileCheckpointSink(CheckpointFile), TimeProvider.System).WriteAsync(CancellationToken.None))!;

    private async Task<AuditVerdict> VerifyAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await AuditVerifier.VerifyAsync(db, AuditKey.Development, await CheckpointReading.ReadAsync(CheckpointFile, AuditKey.Development, CancellationToken.None), CancellationToken.None);
    }

    /// <summary>Replaces the log with <paramref name="select"/> of its rows, each re-sealed by <paramref name="seal"/> after the one before.</summary>
    private static async Task RewriteAsync(TestDatabase database, Func<List<AuditEntry>, List<AuditEntry>> select, Action<AuditEntry, AuditEntry?> seal)
    {
        await using var db = database.CreateContext();
        var entries = select(await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        await db.AuditEntries.ExecuteDeleteAsync();
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            seal(entry, previous);
            previous = entry;
        }

        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
