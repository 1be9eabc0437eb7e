namespace Proeftuin.Core.Agreements;

public enum AgreementStatus
{
    /// <summary>Van kracht.</summary>
    Active = 1,

    /// <summary>Wordt herzien.</summary>
    UnderReview = 2,

    /// <summary>Beëindigd.</summary>
    Ended = 3,
}
