using System.Security.Cryptography;
using System.Text;

namespace Proeftuin.Core.Audit;

/// <summary>
/// The secret that seals the audit chain and signs its checkpoints (HMAC-SHA256). It is kept outside the database
/// (configuration <c>Audit:ChainKey</c>), so someone who can write the database cannot forge a hash that verifies.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumBytes = 32;

    /// <summary>The public key of Development and the tests: it proves nothing, it only keeps the code path the same.</summary>
    public const string DevelopmentBase64 = "UHJvZWZ0dWluIGRldmVsb3BtZW50IGtleSBmb3IgdGhlIGF1ZGl0IGNoYWluIQ==";

    private readonly byte[] _key;

    public AuditKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumBytes)
        {
            throw new ArgumentException($"An audit key has at least {MinimumBytes} bytes.", nameof(key));
        }

        _key = [.. key];
    }

    public static AuditKey Development { get; } = new(Convert.FromBase64String(DevelopmentBase64));

    /// <summary>HMAC-SHA256 of <paramref name="text"/> (UTF-8) as upper-case hex.</summary>
    public string Sign(string text) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}
