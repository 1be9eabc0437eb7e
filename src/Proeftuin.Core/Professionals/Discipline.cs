namespace Proeftuin.Core.Professionals;

/// <summary>The profession someone brings to the table.</summary>
public enum Discipline
{
    /// <summary>Huisarts.</summary>
    GeneralPractitioner = 1,

    /// <summary>POH-GGZ (praktijkondersteuner huisarts, geestelijke gezondheidszorg).</summary>
    MentalHealthPracticeNurse = 2,

    /// <summary>Jeugdarts (JGZ).</summary>
    YouthHealthDoctor = 3,

    /// <summary>Gezinswerker van het buurtteam Jeugd en Gezin.</summary>
    FamilyWorker = 4,

    /// <summary>Someone without a clinical discipline: coordinator, researcher, beheerder.</summary>
    Other = 9,
}
