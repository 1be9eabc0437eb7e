using System.Text;
using System.Text.Json.Serialization;

namespace Proeftuin.Core.Collaboration;

/// <summary>
/// An edit of a text, as retain / insert / delete over UTF-16 code units (the unit of both C# and JavaScript strings).
/// Immutable and normalised. Wire form: see <see cref="TextOperationJson"/>.
/// </summary>
[JsonConverter(typeof(TextOperationJsonConverter))]
public sealed partial class TextOperation : IEquatable<TextOperation>
{
    private readonly OperationComponent[] _components;

    internal TextOperation(OperationComponent[] components, int baseLength, int targetLength)
    {
        _components = components;
        BaseLength = baseLength;
        TargetLength = targetLength;
    }

    public static TextOperation Empty { get; } = new([], 0, 0);

    public IReadOnlyList<OperationComponent> Components => _components;

    /// <summary>Length of the text this operation applies to.</summary>
    public int BaseLength { get; }

    /// <summary>Length of the text after applying it.</summary>
    public int TargetLength { get; }

    /// <summary>True when applying it changes nothing (only retains).</summary>
    public bool IsNoop => Array.TrueForAll(_components, c => c.IsRetain);

    public static OperationBuilder Builder() => new();

    /// <summary>An insert of <paramref name="text"/> at <paramref name="index"/> in a text of <paramref name="length"/>.</summary>
    public static TextOperation InsertAt(int length, int index, string text) =>
        new OperationBuilder(3).Retain(index).Insert(text).Retain(length - index).Build();

    /// <summary>A delete of <paramref name="count"/> units at <paramref name="index"/> in a text of <paramref name="length"/>.</summary>
    public static TextOperation DeleteAt(int length, int index, int count) =>
        new OperationBuilder(3).Retain(index).Delete(count).Retain(length - index - count).Build();

    /// <summary>
    /// Walks the components against a text of <paramref name="length"/> units, as applying would, without touching it:
    /// every component fits and the operation ends exactly at the end. What passes cannot fail half-way in
    /// <see cref="ApplyTo"/>, so it is safe to write to the op log before it is applied.
    /// </summary>
    public void EnsureAppliesTo(int length)
    {
        EnsureBaseLength(length);
        long position = 0;
        long target = 0;
        foreach (var component in _components)
        {
            if (component.IsInsert ? string.IsNullOrEmpty(component.Text) : component.Count == int.MinValue)
            {
                throw new OperationException("operation.malformed", "De wijziging is ongeldig (een leeg onderdeel).");
            }

            position += component.BaseLength;
            target += component.TargetLength;
        }

        if (position != length || target != TargetLength || target > DocumentLimits.MaxLength)
        {
            throw new OperationException("operation.length", "De wijziging past niet op het document.");
        }
    }

    /// <summary>The text after this operation; the input must have exactly <see cref="BaseLength"/> units.</summary>
    public string Apply(string text)
    {
        EnsureBaseLength(text.Length);
        var result = new StringBuilder(TargetLength);
        var index = 0;
        foreach (var component in _components)
        {
            if (component.IsRetain)
            {
                result.Append(text, index, component.Count);
                index += component.Count;
            }
            else if (component.IsInsert)
            {
                result.Append(component.Text);
            }
            else
            {
                index -= component.Count;
            }
        }

        return result.ToString();
    }

    /// <summary>Applies this operation in place to a live document's text: cheap for small edits of long texts.</summary>
    public void ApplyTo(GapBuffer text)
    {
        EnsureBaseLength(text.Length);
        var position = 0;
        foreach (var component in _components)
        {
            if (component.IsRetain)
            {
                position += component.Count;
            }
            else if (component.IsInsert)
            {
                text.Insert(position, component.Text);
                position += component.Text!.Length;
            }
            else
            {
                text.Remove(position, -component.Count);
            }
        }
    }

    /// <summary>The operation that undoes this one, given the text it was applied to.</summary>
    public TextOperation Invert(string text)
    {
        EnsureBaseLength(text.Length);
        var inverse = new OperationBuilder(_components.Length);
        var index = 0;
        foreach (var component in _components)
        {
            if (component.IsRetain)
            {
                inverse.Retain(component.Count);
                index += component.Count;
            }
            else if (component.IsInsert)
            {
                inverse.Delete(component.Text!.Length);
            }
            else
            {
                inverse.Insert(text.Substring(index, -component.Count));
                index -= component.Count;
            }
        }

        return inverse.Build();
    }

    /// <summary>
    /// Where a cursor at <paramref name="index"/> (in the base text) ends up after this operation. An insert exactly at
    /// the cursor moves it only when <paramref name="moveOnInsertAt"/> (the cursor's owner typed it).
    /// </summary>
    public int TransformIndex(int index, bool moveOnInsertAt)
    {
        var position = 0;
        var shift = 0;
        foreach (var component in _components)
        {
            if (position > index)
            {
                break;
            }

            if (component.IsRetain)
            {
                position += component.Count;
            }
            else if (component.IsInsert)
            {
                if (position < index || moveOnInsertAt)
                {
                    shift += component.Text!.Length;
                }
            }
            else
            {
                var count = -component.Count;
                shift -= Math.Min(count, index - position);
                position += count;
            }
        }

        return index + shift;
    }

    public bool Equals(TextOperation? other) =>
        other is not null && BaseLength == other.BaseLength && _components.AsSpan().SequenceEqual(other._components);

    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    public override int GetHashCode() => HashCode.Combine(BaseLength, TargetLength, _components.Length);

    public override string ToString() => ToJson();

    /// <summary>The wire form, e.g. <c>[5,"abc",-2]</c>.</summary>
    public string ToJson() => TextOperationJson.Write(this);

    public static TextOperation FromJson(string json) => TextOperationJson.Parse(json);

    private void EnsureBaseLength(int length)
    {
        if (length != BaseLength)
        {
            throw new OperationException(
                "operation.length",
                $"De wijziging past niet op het document: verwacht {BaseLength} tekens, het document heeft er {length}.");
        }
    }
}
