using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Proeftuin.Testing.Fuzz;

/// <summary>
/// Checks that work grows linearly with input: the same adversarial pattern at n and 8n characters. Linear work takes
/// about 8× as long; catastrophic backtracking or a quadratic walk takes 64× or worse. The bound (32×) leaves room for
/// noise and still catches quadratic work.
/// </summary>
/// <remarks>
/// What is measured is the CPU time of the calling thread (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>), not wall-clock time:
/// on a loaded machine the thread waits for a core, and that waiting counted as work made the check fail when other
/// test projects or builds ran alongside. The two sizes are measured alternately, seven times each, and the fastest run
/// of each counts, so a burst of cache contention hits both sides alike. Elsewhere the stopwatch is the fallback.
/// </remarks>
public static class GrowthCheck
{
    public const double MaxRatio = 32;

    private const int Repetitions = 7;

    public static double Ratio(Func<string, object?> work, string pattern, int smallLength)
    {
        var small = Repeat(pattern, smallLength);
        var large = Repeat(pattern, smallLength * 8);
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
