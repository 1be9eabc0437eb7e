using System.Security.Cryptography;
using System.Text;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Turns the real names an author enters for a case into keyed hashes (HMAC-SHA256 with a server secret) of their
/// normalised tokens. Only the hashes are kept; the detector flags any word whose hash matches. Without the key the
/// hashes cannot be tested against a list of names.
/// </summary>
public sealed class GuardedNameHasher
{
    private readonly byte[] _key;

    public GuardedNameHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("De sleutel voor beschermde namen moet minstens 32 bytes zijn.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The hashes of every token of the names ("Sanne de Vries-Bakker" → sanne, vries, bakker).</summary>
    public IReadOnlySet<string> HashNames(IEnumerable<string> names)
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var token in name.Split([' ', '-', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                // Tussenvoegsels and initials identify no one on their own.
                if (token.Length >= 2 && !IsParticle(token))
                {
                    hashes.Add(Hash(token));
                }
            }
        }

        return hashes;
    }

    public string Hash(ReadOnlySpan<char> token)
    {
        var normalized = Lexicon.Normalize(token);
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>
    /// The keyed hash of a dismissed finding's text (whitespace-normalised, case kept): a dismissal is remembered
    /// without keeping the text, which may be a name. The prefix keeps these hashes apart from the name hashes.
    /// </summary>
    public string HashDismissed(string normalizedText) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("dismissal\n" + normalizedText)));

    private static bool IsParticle(string token) =>
        token.ToLowerInvariant() is "van" or "de" or "der" or "den" or "ter" or "ten" or "te" or "het" or "'t" or "el" or "al" or "in" or "op";
}
