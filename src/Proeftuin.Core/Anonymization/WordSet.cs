using System.IO.Compression;
using System.Text;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// A large word list (the OpenTaal Dutch list, the SCOWL English list: Lexicons/*.txt.gz, embedded) kept as 64-bit
/// hashes of the normalised words in an open-addressing table (linear probing, at most 70 % full): 8 bytes a slot
/// instead of a string a word, and one or two cache lines a look-up, where a binary search over megabytes missed the
/// cache some twenty times. A collision would make one unknown word count as a word (1 in ~10^13 per look-up):
/// harmless for a name detector.
/// </summary>
public sealed class WordSet
{
    private readonly ulong[] _slots;
    private readonly int _mask;

    private WordSet(ulong[] slots, int count)
    {
        _slots = slots;
        _mask = slots.Length - 1;
        Count = count;
    }

    public static WordSet Dutch { get; } = Load("dutch-words.txt.gz");

    public static WordSet English { get; } = Load("english-words.txt.gz");

    public int Count { get; }

    /// <summary>Bytes held by the table.</summary>
    public long SizeInBytes => _slots.LongLength * sizeof(ulong);

    public bool ContainsNormalized(ReadOnlySpan<char> normalized)
    {
        var hash = Hash(normalized);
        for (var slot = (int)hash & _mask; _slots[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_slots[slot] == hash)
            {
                return true;
            }
        }

        return false;
    }

    public bool Contains(ReadOnlySpan<char> word) => ContainsNormalized(Lexicon.Normalize(word));

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs, unlike string.GetHashCode.</summary>
    public static ulong Hash(ReadOnlySpan<char> normalized)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in normalized)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // 0 marks an empty slot; mix the high bits into the low ones the table indexes by.
        hash ^= hash >> 29;
        return hash == 0 ? 1 : hash;
    }

    private static WordSet Load(string file)
    {
        using var stream = typeof(WordSet).Assembly.GetManifestResourceStream($"Proeftuin.Core.Anonymization.Lexicons.{file}")
            ?? throw new InvalidOperationException($"Word list {file} is not embedded.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var hashes = new List<ulong>(400_000);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            hashes.Add(Hash(Lexicon.Normalize(line)));
        }

        var capacity = 1;
        while (capacity * 7 < hashes.Count * 10)
        {
            capacity <<= 1;
        }

        var slots = new ulong[capacity];
        var count = 0;
        foreach (var hash in hashes)
        {
            var slot = (int)hash & (capacity - 1);
            while (slots[slot] != 0 && slots[slot] != hash)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            if (slots[slot] == 0)
            {
                slots[slot] = hash;
                count++;
            }
        }

        return new WordSet(slots, count);
    }
}
