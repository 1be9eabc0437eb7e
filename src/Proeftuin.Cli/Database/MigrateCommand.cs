using Microsoft.Extensions.Logging.Abstractions;
using Proeftuin.Cli.Commands;
using Proeftuin.Data;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Database;

/// <summary><c>proeftuin migrate</c>: brings the database to the latest migration of its provider.</summary>
internal sealed class MigrateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["migrate"];

    public string Usage => "migrate [--provider Sqlite|SqlServer|PostgreSql] [--connection TEKST]   database bijwerken";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var settings = DatabaseOptions.Read(args);
            await using var db = new ProeftuinDbContext(ProeftuinDatabase.Options(settings));
            await DatabaseMigrator.MigrateAsync(db, settings, NullLogger.Instance, cancellationToken);
            await console.Out.WriteLineAsync($"Database ({settings.Provider}) is bijgewerkt.");
            return 0;
        }
        catch (DatabaseConfigurationException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
