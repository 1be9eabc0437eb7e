namespace Proeftuin.Core.Anonymization;

/// <summary>One text a user typed, named by the form field it came from (e.g. "text", "title", "synthesis").</summary>
public sealed record GuardedField(string Name, string Text);

/// <summary>An open finding in one field, with the placeholder that replaces it in one click.</summary>
public sealed record FieldFinding(string Field, Finding Finding, string Placeholder);

/// <summary>
/// The anonymisation guard over the texts of one save: every field is scanned with the detector, the guarded names of
/// the cases involved and their dismissals. A save with any open finding must be refused as a whole.
/// </summary>
public static class GuardCheck
{
    /// <param name="trusted">
    /// Texts the server itself wrote from already guarded material (the generated verslag): a finding whose category
    /// and text also occur as a finding there is accepted, so the meeting's own date in the verslag's heading does not
    /// block it, while the same check still flags anything typed in afterwards.
    /// </param>
    public static IReadOnlyList<FieldFinding> Run(
        AnonymizationDetector detector,
        GuardedNameHasher hasher,
        IEnumerable<GuardedField> fields,
        IReadOnlySet<string> guardedNames,
        IReadOnlyList<FindingDismissal> dismissals,
        IEnumerable<string>? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(fields);
        var accepted = new HashSet<(Category, string)>();
        foreach (var text in trusted ?? [])
        {
            foreach (var finding in detector.Scan(text, guardedNames))
            {
                accepted.Add((finding.Category, FindingDismissal.Normalize(finding.TextIn(text))));
            }
        }

        var open = new List<FieldFinding>();
        foreach (var field in fields)
        {
            var text = field.Text ?? string.Empty;
            var findings = AnonymizationGate.OpenFindings(detector.Scan(text, guardedNames), text, dismissals, hasher);
            open.AddRange(findings
                .Where(f => !accepted.Contains((f.Category, FindingDismissal.Normalize(f.TextIn(text)))))
                .Select(f => new FieldFinding(field.Name, f, Placeholders.For(f, text))));
        }

        return open;
    }
}
