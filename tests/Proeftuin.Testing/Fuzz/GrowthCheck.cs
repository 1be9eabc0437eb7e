using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Proeftuin.Testing.Fuzz;

/// <summary>
/// Checks that work grows linearly with input: the same adversarial pattern at n and 16n characters. Linear work takes
/// about 16× as long; catastrophic backtracking or a quadratic walk takes 256× or worse. The bound (64×, midway on a
/// log scale) leaves a factor of 4 for noise each way. (At n and 8n the room was a factor of 2.8: under a CPU hog a
/// linear Word export measured 35× against a bound of 32, the large input suffering more from shared caches.)
/// </summary>
/// <remarks>
/// What is measured is the CPU time of the calling thread (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>), not wall-clock time:
/// on a loaded machine the thread waits for a core, and that waiting counted as work made the check fail when other
/// test projects or builds ran alongside. The two sizes are measured alternately, seven times each, and the fastest run
/// of each counts, so a burst of cache contention hits both sides alike. Elsewhere the stopwatch is the fallback.
/// </remarks>
public static class GrowthCheck
{
    /// <summary>How many times larger the second input is.</summary>
    public const int Growth = 16;

    public const double MaxRatio = 64;

    private const int Repetitions = 7;

    public static double Ratio(Func<string, object?> work, string pattern, int smallLength)
    {
        var small = Repeat(pattern, smallLength);
        var large = Repeat(pattern, smallLength * Growth);
        work(small);
        work(large);
        double smallBest = double.MaxValue, largeBest = double.MaxValue;
        for (var run = 0; run < Repetitions; run++)
        {
            smallBest = Math.Min(smallBest, Measure(work, small));
            largeBest = Math.Min(largeBest, Measure(work, large));
        }

        return largeBest / Math.Max(smallBest, 10.0);
    }

    public static string Repeat(string pattern, int length)
    {
        var builder = new System.Text.StringBuilder(length + pattern.Length);
        while (builder.Length < length)
        {
            builder.Append(pattern);
        }

        return builder.ToString(0, length);
    }

    /// <summary>Random text from <paramref name="alphabet"/>, including lone surrogates and control characters when given.</summary>
    public static string RandomText(Random random, string alphabet, int maxLength)
    {
        var length = random.Next(0, maxLength);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Milliseconds of CPU the current thread spent in <paramref name="work"/>.</summary>
    private static double Measure(Func<string, object?> work, string input)
    {
        if (ThreadCpu.Available)
        {
            var before = ThreadCpu.Milliseconds();
            work(input);
            return ThreadCpu.Milliseconds() - before;
        }

        var stopwatch = Stopwatch.StartNew();
        work(input);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static readonly bool Available = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Probe();

        public static double Milliseconds()
        {
            _ = ClockGetTime(ClockThreadCpuTimeId, out var time);
            return (time.Seconds * 1_000.0) + (time.Nanoseconds / 1_000_000.0);
        }

        private static bool Probe()
        {
            try
            {
                return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
