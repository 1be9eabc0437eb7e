using Microsoft.Extensions.Configuration;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Database;

/// <summary>
/// Which database a command works on: <c>--provider</c> and <c>--connection</c>, else the same settings as the web
/// app (<c>Database__Provider</c>, <c>ConnectionStrings__Proeftuin</c> in the environment), else SQLite in ./App_Data.
/// </summary>
internal static class DatabaseOptions
{
    public static DatabaseSettings Read(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var key = args[i] switch
            {
                "--provider" => DatabaseSettings.ProviderKey,
                "--connection" => DatabaseSettings.ConnectionStringKey,
                "--data-folder" => DatabaseSettings.DataFolderKey,
                _ => throw new DatabaseConfigurationException($"Onbekende optie '{args[i]}'. Gebruik --provider, --connection of --data-folder."),
            };
            if (i + 1 >= args.Count)
            {
                throw new DatabaseConfigurationException($"De optie {args[i]} heeft een waarde nodig.");
            }

            values[key] = args[++i];
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(values)
            .Build();
        return DatabaseSettings.From(configuration, Directory.GetCurrentDirectory());
    }
}
