using Microsoft.EntityFrameworkCore;
using Proeftuin.Cli.Commands;
using Proeftuin.Cli.Database;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Audit;

/// <summary>
/// <c>proeftuin audit verify</c>: checks the hash chain of the audit log and names the first entry that was changed,
/// inserted or removed (exit code 1), or confirms the chain is whole (exit code 0).
/// </summary>
internal sealed class AuditVerifyCommand : DatabaseCommand
{
    public override IReadOnlyList<string> Path { get; } = ["audit", "verify"];

    public override string Usage => "audit verify [--provider …] [--connection …]   de hashketen van het auditlog controleren";

    protected override async Task<int> RunAsync(ProeftuinDbContext db, DatabaseSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var count = await db.AuditEntries.CountAsync(cancellationToken);
        var broken = await AuditWriter.VerifyAsync(db, cancellationToken);
        if (broken is { } sequence)
        {
            await console.Error.WriteLineAsync($"Auditlog GESCHONDEN: regel {sequence} is gewijzigd of de keten is daar onderbroken ({count} regels gecontroleerd).");
            return 1;
        }

        await console.Out.WriteLineAsync($"Auditlog in orde: {count} regels, hashketen ononderbroken.");
        return 0;
    }
}
