using Proeftuin.Cli.Commands;
using Proeftuin.Data;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Database;

/// <summary><c>proeftuin migrate</c>: brings the database to the latest migration of its provider.</summary>
internal sealed class MigrateCommand : DatabaseCommand
{
    public override IReadOnlyList<string> Path { get; } = ["migrate"];

    public override string Usage => "migrate [--provider Sqlite|SqlServer|PostgreSql] [--connection TEKST]   database bijwerken";

    protected override async Task<int> RunAsync(ProeftuinDbContext db, DatabaseSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        await console.Out.WriteLineAsync($"Database ({settings.Provider}) is bijgewerkt.");
        return 0;
    }
}
