using System.Globalization;
using Proeftuin.Cli.Commands;
using Proeftuin.Data;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;

namespace Proeftuin.Cli.Database;

/// <summary>
/// <c>proeftuin seed</c>: migrates, then fills an empty database with the demo data. With <c>--large</c> it adds the
/// volume the benchmarks measure on (10 000 cases and 50 000 recommendations unless <c>--cases</c>/<c>--recommendations</c>).
/// </summary>
internal sealed class SeedCommand : DatabaseCommand
{
    private bool _large;
    private int _cases = 10_000;
    private int _recommendations = 50_000;

    public override IReadOnlyList<string> Path { get; } = ["seed"];

    public override string Usage => "seed [--large [--cases 10000] [--recommendations 50000]] [--provider …] [--connection …]   demodata (of veel testdata) in de database zetten";

    protected override IReadOnlyList<string> TakeOwnOptions(IReadOnlyList<string> args)
    {
        (_large, _cases, _recommendations) = (false, 10_000, 50_000);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--large":
                    _large = true;
                    break;
                case "--cases" when i + 1 < args.Count:
                    _cases = Count(args[++i], "--cases");
                    break;
                case "--recommendations" when i + 1 < args.Count:
                    _recommendations = Count(args[++i], "--recommendations");
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return rest;
    }

    protected override async Task<int> RunAsync(ProeftuinDbContext db, DatabaseSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (_large)
        {
            await new LargeDataSeeder(db, TimeProvider.System).SeedAsync(_cases, _recommendations, line => console.Out.WriteLine(line), cancellationToken);
            await console.Out.WriteLineAsync($"Testdata toegevoegd: {_cases} casussen en {_recommendations} aanbevelingen in {LargeDataSeeder.ExtraNeighbourhoods} testwijken.");
            return 0;
        }

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

    private static int Count(string value, string option) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new DatabaseConfigurationException($"De optie {option} verwacht een positief geheel getal.");
}
