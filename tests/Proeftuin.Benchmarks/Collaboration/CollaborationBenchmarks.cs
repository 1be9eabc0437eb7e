using BenchmarkDotNet.Attributes;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Benchmarks.Collaboration;

/// <summary>
/// The OT engine on a 20 000-character document (the bar: transform + apply of a single-character op &lt; 2 µs).
/// Each invocation inserts one character and deletes it again, so the document keeps its size.
/// </summary>
[MemoryDiagnoser]
public class CollaborationBenchmarks
{
    private const int DocumentLength = 20_000;
    private const int History = 100;

    private DocumentSession _session = null!;
    private TextOperation[] _concurrent = null!;
    private Random _random = null!;
    private long _seq;
    private TextOperation[] _typing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _random = new Random(42);
        var text = new string('a', DocumentLength);
        _session = new DocumentSession("bench", text, 0, historyLimit: 1000);

        // 100 operations by other clients in the history: each replaces one character, keeping the length.
        _concurrent = new TextOperation[History];
        for (var i = 0; i < History; i++)
        {
            var position = _random.Next(DocumentLength);
            _concurrent[i] = TextOperation.Builder().Retain(position).Delete(1).Insert("b").Retain(DocumentLength - position - 1).Build();
            _session.Submit(i, _concurrent[i], "other", i + 1);
        }

        // 10 000 keystrokes of one person, each on the text the previous one made.
        _typing = new TextOperation[10_000];
        for (var i = 0; i < _typing.Length; i++)
        {
            _typing[i] = TextOperation.InsertAt(i, i, "x");
        }
    }

    /// <summary>Server submit of a one-character op based on the current revision: validate, apply in place, log.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public long Submit_one_character_no_concurrency()
    {
        var position = _random.Next(DocumentLength);
        var revision = _session.Revision;
        _session.Submit(revision, TextOperation.InsertAt(DocumentLength, position, "x"), "me", ++_seq);
        return _session.Submit(revision + 1, TextOperation.DeleteAt(DocumentLength + 1, position, 1), "me", ++_seq).Revision;
    }

    /// <summary>Transform of a one-character insert over one concurrent op (the server then applies it as in Submit).</summary>
    [Benchmark]
    public int Transform_over_one_concurrent_op()
    {
        var op = TextOperation.InsertAt(DocumentLength, _random.Next(DocumentLength), "x");
        var transformed = TextOperation.Transform(_concurrent[_random.Next(History)], op).BPrime;
        return transformed.TargetLength;
    }

    /// <summary>Transform of a one-character insert over all 100 concurrent ops in the history.</summary>
    [Benchmark]
    public int Transform_over_100_concurrent_ops()
    {
        var op = TextOperation.InsertAt(DocumentLength, _random.Next(DocumentLength), "x");
        foreach (var concurrent in _concurrent)
        {
            op = TextOperation.Transform(concurrent, op).BPrime;
        }

        return op.TargetLength;
    }

    /// <summary>Compose of 10 000 single-keystroke operations into one.</summary>
    [Benchmark]
    public int Compose_10000_ops()
    {
        var composed = _typing[0];
        for (var i = 1; i < _typing.Length; i++)
        {
            composed = TextOperation.Compose(composed, _typing[i]);
        }

        return composed.TargetLength;
    }
}
