namespace Proeftuin.Testing.Fuzz;

/// <summary>
/// Operations in their wire form (an array of retain counts, texts and negative delete counts) that a hostile member
/// could send: counts that wrap an int when added, counts beyond the document limit, negative and zero counts, numbers
/// beyond int, and texts longer than a document may be. None of them may be applied, and none may break a document.
/// </summary>
public static class HostileOperations
{
    /// <summary>The document limit the server enforces (Proeftuin.Core.Collaboration.DocumentLimits.MaxLength).</summary>
    public const int DocumentLimit = 200_000;

    /// <summary>A hostile operation for a document of <paramref name="length"/> units.</summary>
    public static object[] Next(Random random, int length) => random.Next(9) switch
    {
        // Wraps to the real length when added in 32 bits: the attack that used to poison the op log.
        0 => [int.MaxValue, "x", int.MaxValue, "y", length + 2],
        1 => [random.Next(DocumentLimit + 1, int.MaxValue), "x"],
        2 => [length, -random.Next(DocumentLimit + 1, int.MaxValue)],
        3 => [-length - random.Next(1, 1000), "x"],
        4 => [int.MinValue, length],
        5 => [length, new string('o', DocumentLimit - length + 1 + random.Next(0, 1000))],
        6 => [random.NextInt64(int.MaxValue + 1L, long.MaxValue), length],
        7 => [length / 2, 0, length - (length / 2)],
        _ => [int.MaxValue / 2, int.MaxValue / 2, int.MaxValue / 2, "wrap", length + 3],
    };
}
