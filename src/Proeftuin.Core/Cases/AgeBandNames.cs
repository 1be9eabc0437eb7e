namespace Proeftuin.Core.Cases;

public static class AgeBandNames
{
    public static string Dutch(AgeBand band) => band switch
    {
        AgeBand.Infant => "0–4 jaar",
        AgeBand.Child => "4–12 jaar",
        AgeBand.Adolescent => "12–18 jaar",
        AgeBand.YoungAdult => "18–23 jaar",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };
}
