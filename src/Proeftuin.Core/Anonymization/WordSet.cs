using System.IO.Compression;
using System.Text;

namespace Proeftuin.Core.Anonymization;

/// <summary>
/// A large word list (the OpenTaal Dutch list, the SCOWL English list: Lexicons/*.txt.gz, embedded) kept as a sorted
/// array of 64-bit hashes of the normalised words: 8 bytes a word instead of a string each, binary search to look up.
/// A collision would make one unknown word count as a word (1 in ~10^13 per look-up): harmless for a name detector.
/// </summary>
public sealed class WordSet
{
    private readonly ulong[] _hashes;

    private WordSet(ulong[] hashes) => _hashes = hashes;

    public static WordSet Dutch { get; } = Load("dutch-words.txt.gz");

    public static WordSet English { get; } = Load("english-words.txt.gz");

    public int Count => _hashes.Length;

    /// <summary>Bytes held by the hash array.</summary>
    public long SizeInBytes => _hashes.LongLength * sizeof(ulong);

    public bool ContainsNormalized(ReadOnlySpan<char> normalized) => Array.BinarySearch(_hashes, Hash(normalized)) >= 0;

    public bool Contains(ReadOnlySpan<char> word) => ContainsNormalized(Lexicon.Normalize(word));

    /// <summary>FNV-1a over the UTF-16 code units: stable across runs, unlike string.GetHashCode.</summary>
    public static ulong Hash(ReadOnlySpan<char> normalized)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in normalized)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
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

        var array = hashes.ToArray();
        Array.Sort(array);
        return new WordSet(array);
    }
}
