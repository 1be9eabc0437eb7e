namespace Proeftuin.Core.Anonymization;

/// <summary>
/// Decides which findings still block a text: every finding that no dismissal covers. It blocks a case from becoming
/// ready for discussion, a meeting from closing, and any guarded text (<see cref="GuardCheck"/>) from being saved.
/// </summary>
public static class AnonymizationGate
{
    public static IReadOnlyList<Finding> OpenFindings(IReadOnlyList<Finding> findings, string text, IEnumerable<FindingDismissal> dismissals, GuardedNameHasher hasher)
    {
        var list = dismissals.ToList();
        return list.Count == 0 ? findings : [.. findings.Where(f => !list.Exists(d => d.Covers(f, text, hasher)))];
    }
}
