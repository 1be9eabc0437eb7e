using System.Diagnostics.CodeAnalysis;

namespace Proeftuin.Core.Collaboration;

/// <summary>What a co-edited document is the text of.</summary>
public enum DocumentKind
{
    /// <summary>The text of a case (<c>case:{id}</c>).</summary>
    Case,

    /// <summary>The verslag of a meeting (<c>minutes:{id}</c>).</summary>
    Minutes,
}

/// <summary>
/// The id of a co-edited document: <c>case:{guid}</c> or <c>minutes:{guid}</c>, the guid as 32 lower-case hex digits
/// ("N" format). This type owns the format: the op log, the live sessions and the hub all key on it, so a second
/// spelling of the same document (upper case, braces, dashes) must never parse, or one case could get two logs.
/// </summary>
public readonly record struct DocumentId
{
    private const string CasePrefix = "case:";
    private const string MinutesPrefix = "minutes:";
    private const int GuidDigits = 32;

    private DocumentId(DocumentKind kind, Guid id)
    {
        Kind = kind;
        Id = id;
    }

    public DocumentKind Kind { get; }

    /// <summary>The case's id, or the meeting's id for a verslag.</summary>
    public Guid Id { get; }

    public static DocumentId ForCase(Guid caseId) => new(DocumentKind.Case, caseId);

    public static DocumentId ForMinutes(Guid meetingId) => new(DocumentKind.Minutes, meetingId);

    /// <summary>Parses the canonical form only; anything else (another guid format, upper case, padding) is refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out DocumentId documentId)
    {
        documentId = default;
        if (value is null)
        {
            return false;
        }

        DocumentKind? kind = value.StartsWith(CasePrefix, StringComparison.Ordinal) ? DocumentKind.Case
            : value.StartsWith(MinutesPrefix, StringComparison.Ordinal) ? DocumentKind.Minutes
            : null;
        var digits = kind is null ? [] : value.AsSpan(kind == DocumentKind.Case ? CasePrefix.Length : MinutesPrefix.Length);
        if (kind is null || digits.Length != GuidDigits || digits.ContainsAnyExcept("0123456789abcdef")
            || !Guid.TryParseExact(digits, "N", out var id))
        {
            return false;
        }

        documentId = new DocumentId(kind.Value, id);
        return true;
    }

    public static DocumentId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException("Not a canonical document id (case:{guid:N} or minutes:{guid:N}).");

    public override string ToString() => $"{(Kind == DocumentKind.Case ? CasePrefix : MinutesPrefix)}{Id:N}";

    public static implicit operator string(DocumentId id) => id.ToString();
}
