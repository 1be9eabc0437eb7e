using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

/// <summary>Random edits of the kinds people make: typing, deleting, replacing, pasting, at edges too.</summary>
internal static class RandomOperations
{
    // ASCII, Dutch diacritics, other BMP scripts and a newline: all single UTF-16 units.
    private const string Alphabet = "abcdeijnoprstuvwxyz ABCZ0189.,;'\"éëïöüÉ€ßçøñ中文Ωж\n";

    public static string Text(Random random, int maxLength)
    {
        var length = random.Next(maxLength + 1);
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    public static TextOperation Edit(Random random, int length)
    {
        var builder = TextOperation.Builder();
        var position = 0;
        var pieces = random.Next(1, 4);
        for (var piece = 0; piece < pieces && position <= length; piece++)
        {
            var skip = random.Next(length - position + 1);
            builder.Retain(skip);
            position += skip;
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(Text(random, 5) is { Length: > 0 } inserted ? inserted : "x");
                    break;
                case 1:
                    var delete = random.Next(Math.Min(6, length - position) + 1);
                    builder.Delete(delete);
                    position += delete;
                    break;
                default:
                    var replace = random.Next(Math.Min(3, length - position) + 1);
                    builder.Delete(replace).Insert(Text(random, 3));
                    position += replace;
                    break;
            }
        }

        builder.Retain(length - position);
        return builder.Build();
    }
}
