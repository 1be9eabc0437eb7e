using System.Globalization;

namespace Proeftuin.LoadTest;

/// <summary>CPU time and peak memory of the server process, read from Linux's /proc.</summary>
public static class ProcessStats
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU time consumed so far, in microseconds.</summary>
    public static double CpuMicroseconds(int pid)
    {
        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th, stime the 15th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / ClockTicksPerSecond * 1_000_000;
    }

    /// <summary>The peak resident set size (VmHWM) in MB.</summary>
    public static double PeakRssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }
}
