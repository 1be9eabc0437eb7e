using System.Diagnostics;
using System.Globalization;

namespace Proeftuin.LoadTest;

/// <summary>
/// Pins this process to a set of cores. taskset with <c>-a</c> sets the affinity of every thread that exists now
/// (Process.ProcessorAffinity on Linux only sets the main thread's); threads started later inherit it.
/// </summary>
public static class CpuAffinity
{
    public static async Task PinThisProcessAsync(string cpus)
    {
        var start = new ProcessStartInfo("taskset", ["-a", "-p", "-c", cpus, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var taskset = Process.Start(start) ?? throw new InvalidOperationException("taskset could not be started.");
        var error = await taskset.StandardError.ReadToEndAsync();
        await taskset.WaitForExitAsync();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset -c {cpus} failed: {error.Trim()}");
        }
    }
}
