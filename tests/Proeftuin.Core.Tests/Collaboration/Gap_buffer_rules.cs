using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Gap_buffer_rules
{
    [Fact]
    public void Edits_anywhere_match_string_edits()
    {
        var random = new Random(7);
        var expected = "begin";
        var buffer = new GapBuffer(expected, extraCapacity: 2);
        for (var i = 0; i < 2000; i++)
        {
            var op = RandomOperations.Edit(random, expected.Length);
            expected = op.Apply(expected);
            op.ApplyTo(buffer);
            Assert.Equal(expected.Length, buffer.Length);
        }

        Assert.Equal(expected, buffer.ToString());
    }

    [Fact]
    public void Removing_past_the_end_is_refused()
    {
        var buffer = new GapBuffer("abc");

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Remove(2, 2));
        Assert.Equal("abc", buffer.ToString());
    }
}
