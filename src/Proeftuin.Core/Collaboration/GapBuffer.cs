namespace Proeftuin.Core.Collaboration;

/// <summary>
/// The text of a live document as a gap buffer: one char array with a movable hole at the last edit. People type
/// where they typed before, so most edits move few characters; a StringBuilder fragments into many chunks under
/// edits in the middle and gets slower with every one.
/// </summary>
public sealed class GapBuffer
{
    private char[] _buffer;
    private int _gapStart;
    private int _gapEnd;

    public GapBuffer(string text, int extraCapacity = 1024)
    {
        _buffer = new char[text.Length + Math.Max(16, extraCapacity)];
        text.CopyTo(0, _buffer, 0, text.Length);
        _gapStart = text.Length;
        _gapEnd = _buffer.Length;
    }

    public int Length => _buffer.Length - (_gapEnd - _gapStart);

    public void Insert(int position, ReadOnlySpan<char> text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        MoveGap(position);
        EnsureGap(text.Length);
        text.CopyTo(_buffer.AsSpan(_gapStart));
        _gapStart += text.Length;
    }

    public void Remove(int position, int count)
    {
        // Compared without adding, so a huge count cannot wrap around to a small sum.
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Length - position);
        MoveGap(position);
        _gapEnd += count;
    }

    public override string ToString() =>
        string.Concat(_buffer.AsSpan(0, _gapStart), _buffer.AsSpan(_gapEnd));

    private void MoveGap(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Length);
        if (position < _gapStart)
        {
            var count = _gapStart - position;
            Array.Copy(_buffer, position, _buffer, _gapEnd - count, count);
            _gapStart -= count;
            _gapEnd -= count;
        }
        else if (position > _gapStart)
        {
            var count = position - _gapStart;
            Array.Copy(_buffer, _gapEnd, _buffer, _gapStart, count);
            _gapStart += count;
            _gapEnd += count;
        }
    }

    private void EnsureGap(int needed)
    {
        if (_gapEnd - _gapStart >= needed)
        {
            return;
        }

        var afterGap = _buffer.Length - _gapEnd;
        var larger = new char[Math.Max(_buffer.Length * 2, Length + needed + 1024)];
        Array.Copy(_buffer, 0, larger, 0, _gapStart);
        Array.Copy(_buffer, _gapEnd, larger, larger.Length - afterGap, afterGap);
        _gapEnd = larger.Length - afterGap;
        _buffer = larger;
    }
}
