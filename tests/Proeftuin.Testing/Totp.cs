using System.Security.Cryptography;

namespace Proeftuin.Testing;

/// <summary>RFC 6238 time-based one-time codes, as an authenticator app computes them, for logging in in tests.</summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Dictionary<string, long>> UsedSteps = new();

    /// <summary>
    /// The code of a time step not yet used by <paramref name="account"/> on this server (<paramref name="server"/>: the
    /// factory or host the login goes to; the app remembers the last step per account, and the demo accounts share one
    /// key, so without an account every login on the server counts against the same steps). The app accepts every code once and the steps two either side of now, so tests that log
    /// the same account in several times within 30 seconds take the next free step in [now - 1, now + 2] (each still
    /// valid for at least 30 seconds when it arrives) and, when those are used up, move the server's
    /// <see cref="AuthenticatorClock"/> on a step (or, on a server without one, wait for its clock to reach the next
    /// step: a condition on the clock, never a fixed delay). A test that stops the server's clock must not log one
    /// account in more than four times.
    /// </summary>
    public static async Task<string> NextCodeAsync(string base32Key, object server, TimeProvider? clock = null, string? account = null)
    {
        // An app whose authenticator runs on an AuthenticatorClock is asked on that clock, which moves on a step when
        // the codes around now are used up; elsewhere the login waits for the next step of <paramref name="clock"/>.
        var authenticator = AuthenticatorClock.Of(server);
        clock = authenticator ?? clock ?? TimeProvider.System;
        var owner = account is null ? base32Key : $"{account.ToUpperInvariant()}|{base32Key}";
        var used = UsedSteps.GetValue(server, _ => []);
        while (true)
        {
            var now = clock.GetUtcNow();
            var current = now.ToUnixTimeSeconds() / StepSeconds;
            lock (used)
            {
                var step = used.TryGetValue(owner, out var last) ? Math.Max(current - 1, last + 1) : current - 1;
                if (step <= current + 2)
                {
                    used[owner] = step;
                    return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds));
                }
            }

            if (authenticator is not null)
            {
                authenticator.SkipPast(current);
                continue;
            }

            var nextStepStarts = DateTimeOffset.FromUnixTimeSeconds((current + 1) * StepSeconds);
            await Task.Delay(nextStepStarts - now + TimeSpan.FromMilliseconds(50), clock);
        }
    }

    public static string Code(string base32Key, DateTimeOffset now)
    {
        var key = Base32Decode(base32Key);
        var counter = now.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
