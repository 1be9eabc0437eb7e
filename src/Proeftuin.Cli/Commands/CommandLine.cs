namespace Proeftuin.Cli.Commands;

/// <summary>Finds the command whose words start the argument list (longest match first) and runs it.</summary>
internal sealed class CommandLine(IEnumerable<ICliCommand> commands)
{
    private readonly ICliCommand[] _commands = [.. commands.OrderByDescending(c => c.Path.Count)];

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(console.Out);
            return args.Count == 0 ? 1 : 0;
        }

        foreach (var command in _commands)
        {
            if (command.Path.Count <= args.Count &&
                command.Path.Select((word, i) => string.Equals(word, args[i], StringComparison.OrdinalIgnoreCase)).All(m => m))
            {
                return await command.RunAsync([.. args.Skip(command.Path.Count)], console, cancellationToken);
            }
        }

        console.Error.WriteLine($"Onbekend commando: {string.Join(' ', args)}");
        WriteHelp(console.Error);
        return 2;
    }

    private void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("proeftuin — beheer en hulpmiddelen voor Proeftuin Basiszorg Jeugd GGZ");
        writer.WriteLine();
        writer.WriteLine("Commando's:");
        foreach (var command in _commands.OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal))
        {
            writer.WriteLine($"  {command.Usage}");
        }
    }
}
