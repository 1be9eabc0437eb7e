namespace Proeftuin.Core.Collaboration;

/// <summary>
/// Builds a normalised <see cref="TextOperation"/>: no empty components, adjacent components of one kind merged, and
/// an insert always before a delete at the same place (so equal edits have one representation). Every count and both
/// lengths stay within <see cref="DocumentLimits.MaxLength"/>, checked as each component is added, so a hostile client
/// cannot make a length wrap around (e.g. two retains of <see cref="int.MaxValue"/>) and slip past the length check.
/// </summary>
public sealed class OperationBuilder
{
    private readonly List<OperationComponent> _components;
    private int _baseLength;
    private int _targetLength;

    public OperationBuilder(int capacity = 4) => _components = new List<OperationComponent>(capacity);

    public OperationBuilder Retain(int count)
    {
        EnsureCount(count);
        if (count == 0)
        {
            return this;
        }

        _baseLength = Within(_baseLength, count);
        _targetLength = Within(_targetLength, count);
        if (_components.Count > 0 && _components[^1].IsRetain)
        {
            _components[^1] = OperationComponent.Retain(_components[^1].Count + count);
        }
        else
        {
            _components.Add(OperationComponent.Retain(count));
        }

        return this;
    }

    public OperationBuilder Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return this;
        }

        _targetLength = Within(_targetLength, text.Length);
        var last = _components.Count - 1;
        if (last >= 0 && _components[last].IsInsert)
        {
            _components[last] = OperationComponent.Insert(_components[last].Text + text);
        }
        else if (last >= 0 && _components[last].IsDelete)
        {
            // Keep inserts before deletes: insert-then-delete and delete-then-insert mean the same edit.
            if (last > 0 && _components[last - 1].IsInsert)
            {
                _components[last - 1] = OperationComponent.Insert(_components[last - 1].Text + text);
            }
            else
            {
                _components.Insert(last, OperationComponent.Insert(text));
            }
        }
        else
        {
            _components.Add(OperationComponent.Insert(text));
        }

        return this;
    }

    public OperationBuilder Delete(int count)
    {
        EnsureCount(count);
        if (count == 0)
        {
            return this;
        }

        _baseLength = Within(_baseLength, count);
        if (_components.Count > 0 && _components[^1].IsDelete)
        {
            _components[^1] = OperationComponent.Delete(-_components[^1].Count + count);
        }
        else
        {
            _components.Add(OperationComponent.Delete(count));
        }

        return this;
    }

    internal OperationBuilder Add(OperationComponent component) =>
        component.IsInsert ? Insert(component.Text!) : component.IsRetain ? Retain(component.Count) : Delete(-component.Count);

    public TextOperation Build() => new([.. _components], _baseLength, _targetLength);

    private static void EnsureCount(int count)
    {
        if (count < 0)
        {
            throw new OperationException("operation.negative", "De wijziging is ongeldig (een negatief aantal tekens).");
        }

        if (count > DocumentLimits.MaxLength)
        {
            throw TooLarge();
        }
    }

    /// <summary>A length plus <paramref name="count"/>, refused above the limit (both are at most the limit: no overflow).</summary>
    private static int Within(int length, int count) =>
        (long)length + count <= DocumentLimits.MaxLength ? length + count : throw TooLarge();

    private static OperationException TooLarge() =>
        new("operation.too-large", $"De wijziging is te groot: een document heeft hoogstens {DocumentLimits.MaxLength} tekens.");
}
