namespace Proeftuin.Core.Recommendations;

/// <summary>Names and helpers for <see cref="VisionPillar"/> sets.</summary>
public static class VisionPillars
{
    public const VisionPillar All = VisionPillar.ClientCentred | VisionPillar.AppropriateCare | VisionPillar.ProfessionalCoordination | VisionPillar.Preconditions;

    public static IReadOnlyList<VisionPillar> Each { get; } =
        [VisionPillar.ClientCentred, VisionPillar.AppropriateCare, VisionPillar.ProfessionalCoordination, VisionPillar.Preconditions];

    public static string Dutch(VisionPillar pillar) => pillar switch
    {
        VisionPillar.ClientCentred => "Klant centraal",
        VisionPillar.AppropriateCare => "Passende zorg",
        VisionPillar.ProfessionalCoordination => "Professionele afstemming",
        VisionPillar.Preconditions => "Randvoorwaarden",
        _ => throw new ArgumentOutOfRangeException(nameof(pillar)),
    };

    public static IEnumerable<VisionPillar> Split(VisionPillar pillars) => Each.Where(p => pillars.HasFlag(p));

    public static VisionPillar Combine(IEnumerable<VisionPillar> pillars) => pillars.Aggregate(VisionPillar.None, (all, p) => all | p);
}
