namespace Proeftuin.Data.Archive;

/// <summary>
/// A row the provider's index found: which case, recommendation or verslag (the minutes' own id), how well it matched and, when the database made it
/// (PostgreSQL's ts_headline), the highlighted snippet.
/// </summary>
internal sealed record IndexMatch(ArchiveHitKind Kind, Guid Id, double Score, string? Snippet = null)
{
    /// <summary>The kind as the indexes name it: 'case', 'recommendation' or 'minutes'.</summary>
    public static ArchiveHitKind KindOf(string kind) => kind switch
    {
        "case" => ArchiveHitKind.Case,
        "recommendation" => ArchiveHitKind.Recommendation,
        "minutes" => ArchiveHitKind.Minutes,
        _ => throw new InvalidOperationException($"Unknown archive index kind '{kind}'."),
    };
}
