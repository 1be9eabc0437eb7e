using System.Security.Cryptography;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

public sealed class Guard_gate_and_placeholders
{
    private static readonly GuardedNameHasher Hasher = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Guarded_names_are_kept_only_as_keyed_hashes()
    {
        var hashes = Hasher.HashNames(["Bartholomeus de Keizer-Wolkenveld"]);

        Assert.Equal(3, hashes.Count);
        Assert.All(hashes, h => Assert.DoesNotContain("bartholomeus", h, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Hasher.Hash("KEIZER"), hashes);
        Assert.NotEqual(hashes, new GuardedNameHasher(RandomNumberGenerator.GetBytes(32)).HashNames(["Bartholomeus de Keizer-Wolkenveld"]));
    }

    [Fact]
    public void A_word_matching_a_guarded_name_is_flagged_in_any_case()
    {
        var detector = new AnonymizationDetector(Hasher);
        var hashes = Hasher.HashNames(["Wolkenveld"]);
        const string text = "gesprek met de familie wolkenveld over school";

        var findings = detector.Scan(text, hashes);

        var finding = Assert.Single(findings);
        Assert.Equal(("wolkenveld", Category.Person), (finding.TextIn(text), finding.Category));
    }

    [Fact]
    public void Hasher_needs_a_key_of_32_bytes() =>
        Assert.Throws<ArgumentException>(() => new GuardedNameHasher(new byte[16]));

    [Fact]
    public void Dismissal_is_remembered_for_that_text_wherever_it_moves()
    {
        const string text = "Broer Storm (11) speelt voetbal.";
        var finding = AnonymizationDetector.Default.Scan(text).Single();
        var dismissal = FindingDismissal.For(finding, text, "Storm is hier het weer, geen naam", Hasher);

        const string edited = "Vorige week: broer Storm (11) speelt voetbal.";
        var open = AnonymizationGate.OpenFindings(AnonymizationDetector.Default.Scan(edited), edited, [dismissal], Hasher);

        Assert.Empty(open);
        Assert.Throws<ArgumentException>(() => FindingDismissal.For(finding, text, "  ", Hasher));
    }

    [Fact]
    public void Dismissal_does_not_cover_other_text()
    {
        const string text = "Broer Storm (11) en zus Pien (9).";
        var findings = AnonymizationDetector.Default.Scan(text);
        var dismissal = FindingDismissal.For(findings[0], text, "geen naam", Hasher);

        Assert.Equal(["Pien"], AnonymizationGate.OpenFindings(findings, text, [dismissal], Hasher).Select(f => f.TextIn(text)));
    }

    [Fact]
    public void Dismissal_keeps_a_keyed_hash_of_the_text_never_the_text()
    {
        const string text = "Broer Storm (11) speelt voetbal.";
        var finding = AnonymizationDetector.Default.Scan(text).Single();
        var dismissal = FindingDismissal.For(finding, text, "geen naam", Hasher);
        var otherKey = new GuardedNameHasher([.. Enumerable.Repeat((byte)9, 32)]);

        Assert.DoesNotContain("Storm", dismissal.TextHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Hasher.HashDismissed("Storm"), dismissal.TextHash);
        Assert.NotEqual(otherKey.HashDismissed("Storm"), dismissal.TextHash);
        Assert.NotEqual(Hasher.Hash("Storm"), dismissal.TextHash);
        Assert.Single(AnonymizationGate.OpenFindings([finding], text, [dismissal], otherKey));
    }

    [Theory]
    [InlineData("Moeder (Khadija Azzouzi) werkt.", "[naam moeder]")]
    [InlineData("Yassir heeft buikpijn.", "[voornaam kind]")]
    [InlineData("geboren 14-02-2011.", "[datum]")]
    [InlineData("zit op basisschool De Regenboog.", "[school]")]
    [InlineData("bel 06-12345678.", "[telefoonnummer]")]
    public void One_click_placeholders(string text, string expected)
    {
        var finding = AnonymizationDetector.Default.Scan(text).Single();

        var (start, end, replacement) = Placeholders.Replacement(finding, text);

        Assert.Equal(expected, replacement);
        Assert.Empty(AnonymizationDetector.Default.Scan(text[..start] + replacement + text[end..]));
    }

    [Fact]
    public void Changed_paragraphs_are_rescanned_with_whole_text_offsets()
    {
        const string text = "Eerste alinea met Yassir.\n\nTweede alinea, bel 06-12345678.\n\nDerde alinea.";
        var change = text.IndexOf("Tweede", StringComparison.Ordinal);

        var findings = AnonymizationDetector.Default.ScanParagraphs(text, change, change + 6);

        var finding = Assert.Single(findings);
        Assert.Equal("06-12345678", finding.TextIn(text));
    }

    [Fact]
    public void Adversarial_input_is_scanned_without_exception()
    {
        var chunks = new[] { "0612345678", "....", "@@@@", "Aaaa Bbbb Cccc ", "1-2-3-4-", "NL00 ", "a@b.", "straatstraat", "(((" };
        var builder = new System.Text.StringBuilder();
        var random = new Random(3);
        while (builder.Length < 100_000)
        {
            builder.Append(chunks[random.Next(chunks.Length)]);
        }

        var findings = AnonymizationDetector.Default.Scan(builder.ToString());

        Assert.All(findings, f => Assert.True(f.Start >= 0 && f.End <= builder.Length && f.Start < f.End));
    }
}
