namespace Proeftuin.Core.Collaboration;

/// <summary>Compose and transform: the two functions operational transformation rests on.</summary>
public sealed partial class TextOperation
{
    /// <summary>One operation with the effect of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public static TextOperation Compose(TextOperation first, TextOperation second)
    {
        if (first.TargetLength != second.BaseLength)
        {
            throw new OperationException("operation.length", "Deze wijzigingen volgen niet op elkaar (lengtes verschillen).");
        }

        var result = new OperationBuilder(first._components.Length + second._components.Length);
        var left = new ComponentCursor(first._components);
        var right = new ComponentCursor(second._components);
        while (left.HasCurrent || right.HasCurrent)
        {
            if (left.HasCurrent && left.Current.IsDelete)
            {
                result.Add(left.Take());
                continue;
            }

            if (right.HasCurrent && right.Current.IsInsert)
            {
                result.Add(right.Take());
                continue;
            }

            var a = left.Current;
            var b = right.Current;
            var length = Math.Min(a.IsInsert ? a.Text!.Length : a.Count, -b.Count > 0 ? -b.Count : b.Count);
            var piece = left.Take(length);
            right.Take(length);
            if (b.IsRetain)
            {
                result.Add(piece);
            }
            else if (a.IsRetain)
            {
                result.Delete(length);
            }

            // An insert of the first followed by a delete of the second cancels out.
        }

        return result.Build();
    }

    /// <summary>
    /// Given two operations on the same text, returns (a', b') so that a then b' equals b then a'. When both insert at
    /// one place, <paramref name="a"/>'s text goes first: pass the operation the server applied earlier as a.
    /// </summary>
    public static (TextOperation APrime, TextOperation BPrime) Transform(TextOperation a, TextOperation b)
    {
        if (a.BaseLength != b.BaseLength)
        {
            throw new OperationException("operation.length", "Deze wijzigingen zijn niet op dezelfde tekst gebaseerd.");
        }

        var aPrime = new OperationBuilder(a._components.Length + 2);
        var bPrime = new OperationBuilder(b._components.Length + 2);
        var left = new ComponentCursor(a._components);
        var right = new ComponentCursor(b._components);
        while (left.HasCurrent || right.HasCurrent)
        {
            if (left.HasCurrent && left.Current.IsInsert)
            {
                var text = left.Take().Text!;
                aPrime.Insert(text);
                bPrime.Retain(text.Length);
                continue;
            }

            if (right.HasCurrent && right.Current.IsInsert)
            {
                var text = right.Take().Text!;
                aPrime.Retain(text.Length);
                bPrime.Insert(text);
                continue;
            }

            var x = left.Current;
            var y = right.Current;
            var length = Math.Min(Math.Abs(x.Count), Math.Abs(y.Count));
            left.Take(length);
            right.Take(length);
            if (x.IsRetain && y.IsRetain)
            {
                aPrime.Retain(length);
                bPrime.Retain(length);
            }
            else if (x.IsDelete && y.IsRetain)
            {
                aPrime.Delete(length);
            }
            else if (x.IsRetain && y.IsDelete)
            {
                bPrime.Delete(length);
            }

            // Both delete the same text: nothing is left to do for either.
        }

        return (aPrime.Build(), bPrime.Build());
    }

    /// <summary>Walks components, splitting one when only part of it is consumed.</summary>
    private struct ComponentCursor(OperationComponent[] components)
    {
        private int _index;
        private int _offset;

        public readonly bool HasCurrent => _index < components.Length;

        /// <summary>The rest of the current component.</summary>
        public readonly OperationComponent Current
        {
            get
            {
                if (!HasCurrent)
                {
                    throw new OperationException("operation.length", "De wijzigingen hebben verschillende lengtes.");
                }

                var component = components[_index];
                return _offset == 0
                    ? component
                    : component.IsInsert
                        ? OperationComponent.Insert(component.Text![_offset..])
                        : component.IsRetain ? OperationComponent.Retain(component.Count - _offset) : OperationComponent.Delete(-component.Count - _offset);
            }
        }

        public OperationComponent Take()
        {
            var current = Current;
            _index++;
            _offset = 0;
            return current;
        }

        /// <summary>Takes <paramref name="length"/> units of the current component.</summary>
        public OperationComponent Take(int length)
        {
            var current = Current;
            var available = current.IsInsert ? current.Text!.Length : Math.Abs(current.Count);
            if (length >= available)
            {
                return Take();
            }

            _offset += length;
            return current.IsInsert
                ? OperationComponent.Insert(current.Text![..length])
                : current.IsRetain ? OperationComponent.Retain(length) : OperationComponent.Delete(length);
        }
    }
}
