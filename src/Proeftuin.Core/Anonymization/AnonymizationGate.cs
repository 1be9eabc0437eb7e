namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Decides which findings still block a case from becoming ready for discussion (and a meeting from closing):
/// every finding that no dismissal covers.
/// </summary>
public static class AnonymizationGate
{
    public static IReadOnlyList<Finding> OpenFindings(IReadOnlyList<Finding> findings, string text, IEnumerable<FindingDismissal> dismissals)
    {
        var list = dismissals.ToList();
        return [.. findings.Where(f => !list.Exists(d => d.Covers(f, text)))];
    }
}
