using Microsoft.Extensions.Configuration;
using Proeftuin.Cli.Commands;
using Proeftuin.Cli.Database;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Providers;

namespace Proeftuin.Cli.Audit;

/// <summary>
/// <c>proeftuin audit verify</c>: checks the keyed chain of the audit log and its tail against the last signed
/// checkpoint outside the database. Names the first entry that was changed, inserted or removed, or the checkpoint
/// that the log no longer reaches (exit code 1), or confirms the log is whole (exit code 0). Key and checkpoint file
/// come from the same settings as the web app (<c>Audit__ChainKey</c>, <c>Audit__Checkpoints__Path</c> in the
/// environment); <c>--checkpoints</c> names another file (e.g. where syslog keeps them), <c>--key-file</c> a file that
/// holds the base64 key.
/// </summary>
internal sealed class AuditVerifyCommand : DatabaseCommand
{
    private readonly Dictionary<string, string?> _own = new(StringComparer.OrdinalIgnoreCase);

    public override IReadOnlyList<string> Path { get; } = ["audit", "verify"];

    public override string Usage =>
        "audit verify [--checkpoints BESTAND] [--key-file BESTAND] [--provider …] [--connection …]   keten en controlepunten van het auditlog controleren";

    protected override IReadOnlyList<string> TakeOwnOptions(IReadOnlyList<string> args)
    {
        _own.Clear();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--checkpoints" when i + 1 < args.Count:
                    _own[AuditSettings.PathKey] = args[++i];
                    break;
                case "--key-file" when i + 1 < args.Count:
                    _own[AuditSettings.ChainKeyKey] = ReadKeyFile(args[++i]);
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
        AuditSettings audit;
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(_own).Build();
            var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
            audit = AuditSettings.From(configuration, environment is "Development" or "Testing", Directory.GetCurrentDirectory());
        }
        catch (AuditConfigurationException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        var checkpoints = await CheckpointReading.ReadAsync(audit.CheckpointPath, audit.Key, cancellationToken);
        var verdict = await AuditVerifier.VerifyAsync(db, audit.Key, checkpoints, cancellationToken);
        if (!verdict.Intact)
        {
            await console.Error.WriteLineAsync($"Auditlog GESCHONDEN: {verdict.Message}");
            return 1;
        }

        await console.Out.WriteLineAsync($"Auditlog in orde: {verdict.Message}");
        return 0;
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseConfigurationException($"Het sleutelbestand {path} kan niet worden gelezen: {ex.Message}");
        }
    }
}
