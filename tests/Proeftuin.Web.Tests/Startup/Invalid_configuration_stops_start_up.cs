using System.Diagnostics;

namespace Proeftuin.Web.Tests.Startup;

/// <summary>Starts the real app process with a wrong setting and reads what an operator would see.</summary>
public sealed class Invalid_configuration_stops_start_up
{
    [Fact]
    public async Task Unknown_provider_gives_one_clear_message_and_exit_code_1()
    {
        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_names_the_connection_string_setting()
    {
        var (exitCode, output) = await RunAppAsync(
            ("Database__Provider", "PostgreSql"),
            ("ConnectionStrings__Proeftuin", "Host=127.0.0.1;Port=1;Database=none;Timeout=2"));

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:Proeftuin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Proeftuin.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "None";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
