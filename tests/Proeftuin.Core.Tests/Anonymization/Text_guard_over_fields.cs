using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>The guard over the texts of one save (recommendation, verslag, theme, agreement, case title).</summary>
public sealed class Text_guard_over_fields
{
    private static readonly GuardedNameHasher Hasher = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    private static readonly AnonymizationDetector Detector = new(Hasher);

    private static IReadOnlyList<FieldFinding> Run(IReadOnlySet<string>? names = null, IReadOnlyList<FindingDismissal>? dismissals = null, IEnumerable<string>? trusted = null, params GuardedField[] fields) =>
        GuardCheck.Run(Detector, Hasher, fields, names ?? new HashSet<string>(), dismissals ?? [], trusted);

    [Fact]
    public void Every_field_is_scanned_and_each_finding_names_its_field_and_placeholder()
    {
        var open = Run(fields: [new GuardedField("title", "Gesprek met moeder"), new GuardedField("text", "Bel 06-12345678 of BSN 111222333.")]);

        Assert.All(open, f => Assert.Equal("text", f.Field));
        Assert.Contains(open, f => f.Finding.Category == Category.Phone && f.Placeholder == "[telefoonnummer]");
        Assert.Contains(open, f => f.Finding.Category == Category.Bsn && f.Placeholder == "[BSN]");
    }

    [Fact]
    public void A_guarded_name_of_a_case_involved_is_flagged_even_when_the_lexicon_does_not_know_it()
    {
        const string text = "Afspraak: wolkenveld gaat naar de jeugdarts.";
        var names = Hasher.HashNames(["Wolkenveld"]);

        Assert.Empty(Run(fields: new GuardedField("text", text)));
        var finding = Assert.Single(Run(names, fields: new GuardedField("text", text)));
        Assert.Equal("wolkenveld", finding.Finding.TextIn(text));
    }

    [Fact]
    public void A_dismissal_of_a_case_involved_covers_the_same_text()
    {
        const string text = "Broer Storm (11) speelt voetbal.";
        var finding = Detector.Scan(text).Single();
        var dismissal = FindingDismissal.For(finding, text, "het weer", Hasher);

        Assert.Empty(Run(dismissals: [dismissal], fields: new GuardedField("text", "Bij Storm (11) blijft het rustig.")));
    }

    [Fact]
    public void Findings_of_a_trusted_generated_text_are_accepted_and_anything_typed_in_later_is_not()
    {
        const string generated = "# Verslag\n\nWijk: Ondiep. Datum: dinsdag 3 november 2026, 19:30.\n";
        var edited = generated + "\nGebeld met de moeder op 06-12345678.";

        var open = Run(trusted: [generated], fields: new GuardedField("minutes", edited));

        Assert.NotEmpty(Detector.Scan(generated));
        var finding = Assert.Single(open);
        Assert.Equal(Category.Phone, finding.Finding.Category);
    }

    [Fact]
    public void A_clean_text_passes() =>
        Assert.Empty(Run(fields: [new GuardedField("text", "Vaste contactpersoon op school voor het kind."), new GuardedField("title", "Overleg school en buurtteam")]));
}
