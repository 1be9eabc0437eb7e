using Proeftuin.Cli.Commands;

// The `proeftuin` command. Each sub-command lives in its own file under Commands/ (or its feature folder).
var commands = CommandRegistry.All();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await new CommandLine(commands).RunAsync(args, CliConsole.System, cancellation.Token);
