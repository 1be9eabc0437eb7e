using System.Diagnostics;

namespace Proeftuin.Testing.Fuzz;

/// <summary>
/// Checks that work grows linearly with input: the same adversarial pattern at n and 8n characters. Linear work takes
/// about 8× as long; catastrophic backtracking or a quadratic walk takes 64× or worse. Each size is timed five times
/// and the fastest run counts, so a busy machine (CI runs test projects in parallel) does not fail the check; the
/// bound (32×) leaves room for that noise and still catches quadratic work.
/// </summary>
public static class GrowthCheck
{
    public const double MaxRatio = 32;

    public static double Ratio(Func<string, object?> work, string pattern, int smallLength)
    {
        var small = Repeat(pattern, smallLength);
        var large = Repeat(pattern, smallLength * 8);
        work(small);
        var smallTime = Math.Max(Fastest(work, small), 10.0);
        var largeTime = Fastest(work, large);
        return largeTime / smallTime;
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

    private static double Fastest(Func<string, object?> work, string input)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            work(input);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
