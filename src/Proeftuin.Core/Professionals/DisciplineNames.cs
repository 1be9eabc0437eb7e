namespace Proeftuin.Core.Professionals;

/// <summary>Dutch names of the disciplines as professionals use them.</summary>
public static class DisciplineNames
{
    public static string Dutch(Discipline discipline) => discipline switch
    {
        Discipline.GeneralPractitioner => "Huisarts",
        Discipline.MentalHealthPracticeNurse => "POH-GGZ",
        Discipline.YouthHealthDoctor => "Jeugdarts (JGZ)",
        Discipline.FamilyWorker => "Gezinswerker buurtteam",
        _ => "Overig",
    };
}
