namespace Proeftuin.Cli.Commands;

/// <summary>The streams a command writes to; tests pass string writers.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.Out, Console.Error);
}
