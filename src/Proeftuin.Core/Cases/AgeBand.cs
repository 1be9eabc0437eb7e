namespace Proeftuin.Core.Cases;

/// <summary>Age is kept as a band only, never as a birth date.</summary>
public enum AgeBand
{
    /// <summary>0 tot 4 jaar.</summary>
    Infant = 1,

    /// <summary>4 tot 12 jaar.</summary>
    Child = 2,

    /// <summary>12 tot 18 jaar.</summary>
    Adolescent = 3,

    /// <summary>18 tot 23 jaar.</summary>
    YoungAdult = 4,
}
