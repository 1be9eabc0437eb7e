using Proeftuin.Core.Common;

namespace Proeftuin.Core.Cases;

/// <summary>
/// A casus: an anonymised case of one child or youth, prepared by a member and discussed in a meeting of its wijk.
/// <see cref="Text"/> and <see cref="Revision"/> are the latest snapshot of the collaboratively edited Markdown.
/// </summary>
public sealed class CaseFile
{
    public const int MaxTitleLength = 160;
    public const int MaxThemes = 10;
    public const int MaxThemeLength = 40;
    public const int MaxTextLength = 200_000;

    private List<string> _themes = [];

    private CaseFile()
    {
        Code = string.Empty;
        Title = string.Empty;
        Text = string.Empty;
    }

    public CaseFile(Guid id, Guid neighbourhoodId, CaseCode code, string title, AgeBand ageBand, IEnumerable<string> themes, Guid createdById, DateTime nowUtc)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        Code = code.ToString();
        Title = ValidTitle(title);
        AgeBand = Enum.IsDefined(ageBand) ? ageBand : throw new DomainException("case.ageband", "Kies een leeftijdscategorie.");
        _themes = ValidThemes(themes);
        Status = CaseStatus.Draft;
        Text = CaseTemplate.NewCaseMarkdown(Title);
        CreatedById = createdById;
        CreatedAtUtc = Guard.Utc(nowUtc);
        UpdatedAtUtc = CreatedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public string Code { get; private set; }

    public string Title { get; private set; }

    public AgeBand AgeBand { get; private set; }

    public IReadOnlyList<string> Themes => _themes;

    public CaseStatus Status { get; private set; }

    public string Text { get; private set; }

    /// <summary>The collaboration revision <see cref="Text"/> belongs to; 0 before any edit.</summary>
    public long Revision { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsEditable => Status is CaseStatus.Draft or CaseStatus.ReadyForDiscussion or CaseStatus.Discussed;

    public void UpdateDetails(string title, AgeBand ageBand, IEnumerable<string> themes, DateTime nowUtc)
    {
        EnsureEditable();
        Title = ValidTitle(title);
        AgeBand = Enum.IsDefined(ageBand) ? ageBand : throw new DomainException("case.ageband", "Kies een leeftijdscategorie.");
        _themes = ValidThemes(themes);
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }

    /// <summary>Stores a snapshot of the co-edited text; revisions only move forward.</summary>
    public void RecordText(string text, long revision, DateTime nowUtc)
    {
        EnsureEditable();
        if (text.Length > MaxTextLength)
        {
            throw new DomainException("case.text.length", $"De casustekst is te lang (maximaal {MaxTextLength} tekens).");
        }

        if (revision < Revision)
        {
            throw new DomainException("case.text.revision", "Deze versie van de tekst is ouder dan de opgeslagen versie.");
        }

        Text = text;
        Revision = revision;
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }

    /// <summary>Draft → ReadyForDiscussion; only when the anonymisation guard reports no open finding.</summary>
    public void MarkReadyForDiscussion(int openAnonymizationFindings, DateTime nowUtc)
    {
        if (Status == CaseStatus.Draft && openAnonymizationFindings > 0)
        {
            throw new DomainException(
                "case.anonymization.open",
                $"De casus bevat nog {openAnonymizationFindings} mogelijk identificerende gegevens. Vervang ze of markeer ze als niet identificerend.");
        }

        MoveTo(CaseStatus.Draft, CaseStatus.ReadyForDiscussion, "Alleen een concept kan klaar voor bespreking worden gemaakt.", nowUtc);
    }

    /// <summary>ReadyForDiscussion → Draft, e.g. when the author wants to rework it before the meeting.</summary>
    public void ReturnToDraft(DateTime nowUtc) =>
        MoveTo(CaseStatus.ReadyForDiscussion, CaseStatus.Draft, "Alleen een casus die klaar is voor bespreking kan terug naar concept.", nowUtc);

    /// <summary>ReadyForDiscussion → Discussed, when the meeting that discussed it closes.</summary>
    public void MarkDiscussed(DateTime nowUtc) =>
        MoveTo(CaseStatus.ReadyForDiscussion, CaseStatus.Discussed, "Alleen een casus die klaar is voor bespreking kan besproken worden.", nowUtc);

    /// <summary>Discussed → Archived: read-only from then on.</summary>
    public void Archive(DateTime nowUtc) =>
        MoveTo(CaseStatus.Discussed, CaseStatus.Archived, "Alleen een besproken casus kan gearchiveerd worden.", nowUtc);

    private void MoveTo(CaseStatus from, CaseStatus to, string refusal, DateTime nowUtc)
    {
        if (Status != from)
        {
            throw new DomainException("case.status", refusal);
        }

        Status = to;
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException("case.archived", "Een gearchiveerde casus kan niet meer worden gewijzigd.");
        }
    }

    private static string ValidTitle(string title) =>
        Guard.Required(title, "case.title", "Geef de casus een korte, niet-identificerende titel", MaxTitleLength);

    private static List<string> ValidThemes(IEnumerable<string> themes)
    {
        var list = themes
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (list.Count > MaxThemes)
        {
            throw new DomainException("case.themes", $"Kies maximaal {MaxThemes} thema's.");
        }

        if (list.Exists(t => t.Length > MaxThemeLength))
        {
            throw new DomainException("case.themes", $"Een thema is maximaal {MaxThemeLength} tekens.");
        }

        return list;
    }
}
