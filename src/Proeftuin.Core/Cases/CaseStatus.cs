namespace Proeftuin.Core.Cases;

public enum CaseStatus
{
    /// <summary>Concept: being prepared and anonymised.</summary>
    Draft = 1,

    /// <summary>Klaar voor bespreking: anonymisation gate passed.</summary>
    ReadyForDiscussion = 2,

    /// <summary>Besproken in a meeting.</summary>
    Discussed = 3,

    /// <summary>Gearchiveerd: read-only, searchable for review.</summary>
    Archived = 4,
}
