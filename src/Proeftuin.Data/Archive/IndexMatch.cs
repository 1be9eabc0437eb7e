namespace Proeftuin.Data.Archive;

/// <summary>
/// A row the provider's index found: which case or recommendation, how well it matched and, when the database made it
/// (PostgreSQL's ts_headline), the highlighted snippet.
/// </summary>
internal sealed record IndexMatch(ArchiveHitKind Kind, Guid Id, double Score, string? Snippet = null);
