namespace Proeftuin.Core.Collaboration;

/// <summary>
/// One step of an operation: retain n (Count &gt; 0), delete n (Count &lt; 0) or insert a string (Count == 0).
/// A struct so an operation is one array, with no object per component.
/// </summary>
public readonly record struct OperationComponent
{
    private OperationComponent(int count, string? text)
    {
        Count = count;
        Text = text;
    }

    /// <summary>Positive: retain; negative: delete; zero: insert <see cref="Text"/>.</summary>
    public int Count { get; }

    public string? Text { get; }

    public bool IsRetain => Count > 0;

    public bool IsDelete => Count < 0;

    public bool IsInsert => Count == 0;

    /// <summary>Code units this component consumes of the base text.</summary>
    public int BaseLength => IsInsert ? 0 : Math.Abs(Count);

    /// <summary>Code units this component contributes to the target text.</summary>
    public int TargetLength => IsRetain ? Count : IsInsert ? Text!.Length : 0;

    public static OperationComponent Retain(int count) => new(count, null);

    public static OperationComponent Delete(int count) => new(-count, null);

    public static OperationComponent Insert(string text) => new(0, text);

    public override string ToString() => IsInsert ? $"insert({Text})" : IsRetain ? $"retain({Count})" : $"delete({-Count})";
}
