using Proeftuin.Cli.Anonymization;
using Proeftuin.Cli.Audit;
using Proeftuin.Cli.Database;

namespace Proeftuin.Cli.Commands;

/// <summary>The list of every sub-command; one line per command.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICliCommand> All() =>
    [
        new MigrateCommand(),
        new SeedCommand(),
        new ScanCommand(),
        new EvaluateCommand(),
        new FitPersonModelCommand(),
        new AuditVerifyCommand(),
    ];
}
