namespace Proeftuin.Core.Collaboration;

/// <summary>What happened to a piece of text between two versions.</summary>
public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>One piece of a <see cref="TextDiff"/>: unchanged, only in the new text, or only in the old one.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// The difference between two versions of a text, by word: a word, a run of spaces or one punctuation mark is the
/// unit, so a changed word reads as one word deleted and one inserted rather than as scattered letters. Myers'
/// shortest edit script after the common start and end are set aside; past <see cref="MaxEdits"/> the changed middle is
/// one deletion and one insertion, so a text rewritten from scratch costs no more than the limit.
/// The same diff gives the <see cref="TextOperation"/> that turns the old text into the new one (<see cref="ToOperation"/>):
/// a restored version is an ordinary edit of the live document.
/// </summary>
public sealed class TextDiff
{
    public const int MaxEdits = 4000;

    private TextDiff(IReadOnlyList<DiffSegment> segments) => Segments = segments;

    /// <summary>In text order; adjacent segments of one kind are merged, a deletion comes before an insertion at one place.</summary>
    public IReadOnlyList<DiffSegment> Segments { get; }

    public bool HasChanges => Segments.Any(s => s.Kind != DiffKind.Unchanged);

    public static TextDiff Between(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var a = Tokens(oldText);
        var b = Tokens(newText);
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var segments = new List<DiffSegment>();
        Add(segments, DiffKind.Unchanged, a, 0, start);
        var middle = Myers(a, start, endA, b, start, endB);
        if (middle is null)
        {
            Add(segments, DiffKind.Deleted, a, start, endA);
            Add(segments, DiffKind.Inserted, b, start, endB);
        }
        else
        {
            foreach (var (kind, token) in middle)
            {
                Append(segments, kind, token);
            }
        }

        Add(segments, DiffKind.Unchanged, a, endA, a.Count);
        return new TextDiff(segments);
    }

    /// <summary>The operation on the old text that gives the new one.</summary>
    public TextOperation ToOperation()
    {
        var builder = TextOperation.Builder();
        foreach (var segment in Segments)
        {
            _ = segment.Kind switch
            {
                DiffKind.Unchanged => builder.Retain(segment.Text.Length),
                DiffKind.Deleted => builder.Delete(segment.Text.Length),
                _ => builder.Insert(segment.Text),
            };
        }

        return builder.Build();
    }

    /// <summary>Runs of letters and digits, runs of white space, and every other character on its own.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i])))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else
            {
                // Keep a surrogate pair (an emoji) whole: an operation never splits one.
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    /// <summary>The edit script of a[aStart..aEnd] → b[bStart..bEnd], or null when it needs more than <see cref="MaxEdits"/> edits.</summary>
    private static List<(DiffKind Kind, string Token)>? Myers(List<string> a, int aStart, int aEnd, List<string> b, int bStart, int bEnd)
    {
        int n = aEnd - aStart, m = bEnd - bStart, max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, n, m, d, a, aStart, b, bStart);
                }
            }
        }

        return null;
    }

    private static List<(DiffKind, string)> Backtrack(List<int[]> trace, int offset, int x, int y, int d, List<string> a, int aStart, List<string> b, int bStart)
    {
        var script = new List<(DiffKind, string)>();
        for (; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = v[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add((DiffKind.Unchanged, a[aStart + --x]));
                y--;
            }

            script.Add(x == previousX ? (DiffKind.Inserted, b[bStart + --y]) : (DiffKind.Deleted, a[aStart + --x]));
        }

        while (x > 0)
        {
            script.Add((DiffKind.Unchanged, a[aStart + --x]));
        }

        script.Reverse();
        return script;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, List<string> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Append(segments, kind, tokens[i]);
        }
    }

    /// <summary>Merges with the last segment of the same kind; an insertion right after a deletion stays after it.</summary>
    private static void Append(List<DiffSegment> segments, DiffKind kind, string token)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + token };
        }
        else if (kind == DiffKind.Deleted && segments.Count > 1 && segments[^1].Kind == DiffKind.Inserted && segments[^2].Kind == DiffKind.Deleted)
        {
            segments[^2] = segments[^2] with { Text = segments[^2].Text + token };
        }
        else if (kind == DiffKind.Deleted && segments.Count > 0 && segments[^1].Kind == DiffKind.Inserted)
        {
            segments.Insert(segments.Count - 1, new DiffSegment(kind, token));
        }
        else
        {
            segments.Add(new DiffSegment(kind, token));
        }
    }
}
