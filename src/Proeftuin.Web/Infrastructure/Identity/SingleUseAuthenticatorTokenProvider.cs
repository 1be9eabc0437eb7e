using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Identity's authenticator (TOTP) provider, with each code usable once: the last accepted time step is kept per account
/// (an Identity user token) and a code of that step or an earlier one is refused, so a code seen over a shoulder or
/// replayed from a captured request cannot sign in again within its window (ASVS V2.8.4). Like Identity's own
/// provider it accepts the steps two either side of now (clock drift of the phone); the clock is the app's
/// <see cref="TimeProvider"/>. Used for the two-factor login and for enrolment alike (both call this provider).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : AuthenticatorTokenProvider<ProeftuinUser>
{
    public const string LoginProvider = "[Proeftuin]";
    public const string LastStepToken = "LastTotpStep";
    private const int StepSeconds = 30;
    private const int AllowedDrift = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ProeftuinUser> manager, ProeftuinUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32Decode(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var last = await LastAcceptedStepAsync(manager, user);
        for (var step = Math.Max(now - AllowedDrift, last + 1); step <= now + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                // Written before the sign-in completes: a second request with the same code finds the step taken.
                var stored = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
                return stored.Succeeded;
            }
        }

        return false;
    }

    private static async Task<long> LastAcceptedStepAsync(UserManager<ProeftuinUser> manager, ProeftuinUser user) =>
        long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : long.MinValue + 1;

    /// <summary>RFC 6238 (HMAC-SHA1, six digits), as authenticator apps compute it.</summary>
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
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
