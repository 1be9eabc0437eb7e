namespace Proeftuin.Core.Collaboration;

/// <summary>
/// Builds a normalised <see cref="TextOperation"/>: no empty components, adjacent components of one kind merged, and
/// an insert always before a delete at the same place (so equal edits have one representation).
/// </summary>
public sealed class OperationBuilder
{
    private readonly List<OperationComponent> _components;
    private int _baseLength;
    private int _targetLength;

    public OperationBuilder(int capacity = 4) => _components = new List<OperationComponent>(capacity);

    public OperationBuilder Retain(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return this;
        }

        _baseLength += count;
        _targetLength += count;
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

        _targetLength += text.Length;
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
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return this;
        }

        _baseLength += count;
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
}
