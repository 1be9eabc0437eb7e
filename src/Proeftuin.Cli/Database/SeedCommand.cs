using Proeftuin.Cli.Commands;
using Proeftuin.Data;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;

namespace Proeftuin.Cli.Database;

/// <summary><c>proeftuin seed</c>: migrates, then fills an empty database with the demo data.</summary>
internal sealed class SeedCommand : DatabaseCommand
{
    public override IReadOnlyList<string> Path { get; } = ["seed"];

    public override string Usage => "seed [--provider …] [--connection …]   demodata in een lege database zetten";

    protected override async Task<int> RunAsync(ProeftuinDbContext db, DatabaseSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (!await new DemoDataSeeder(db, TimeProvider.System).SeedAsync(cancellationToken))
        {
            await console.Out.WriteLineAsync("De database bevat al gegevens; er is niets toegevoegd.");
            return 0;
        }

        await console.Out.WriteLineAsync($"Demodata toegevoegd. Wachtwoord van alle demo-accounts: {DemoAccounts.Password}");
        foreach (var account in DemoAccounts.All)
        {
            await console.Out.WriteLineAsync($"  {account.Email} — {account.Name}");
        }

        return 0;
    }
}
