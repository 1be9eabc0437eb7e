using Microsoft.Extensions.Logging.Abstractions;
using Proeftuin.Cli.Commands;
using Proeftuin.Data;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Database;

/// <summary>
/// A command that works on a migrated database chosen by <see cref="DatabaseOptions"/>; settings problems become one
/// message and exit code 1.
/// </summary>
internal abstract class DatabaseCommand : ICliCommand
{
    public abstract IReadOnlyList<string> Path { get; }

    public abstract string Usage { get; }

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var settings = DatabaseOptions.Read(TakeOwnOptions(args));
            await using var db = new ProeftuinDbContext(ProeftuinDatabase.Options(settings));
            await DatabaseMigrator.MigrateAsync(db, settings, NullLogger.Instance, cancellationToken);
            return await RunAsync(db, settings, console, cancellationToken);
        }
        catch (DatabaseConfigurationException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    protected abstract Task<int> RunAsync(ProeftuinDbContext db, DatabaseSettings settings, CliConsole console, CancellationToken cancellationToken);

    /// <summary>Reads the command's own options and returns the rest (the database options).</summary>
    protected virtual IReadOnlyList<string> TakeOwnOptions(IReadOnlyList<string> args) => args;
}
