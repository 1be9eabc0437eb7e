namespace Proeftuin.Cli.Commands;

/// <summary>One sub-command of the <c>proeftuin</c> tool, e.g. <c>scan</c> or <c>audit verify</c>.</summary>
internal interface ICliCommand
{
    /// <summary>The words that select this command, e.g. <c>["anonymization", "evaluate"]</c>.</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>One line for the help text: usage and what it does.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the command words; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}
