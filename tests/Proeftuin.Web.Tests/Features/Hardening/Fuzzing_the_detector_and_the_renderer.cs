using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Proeftuin.Core.Anonymization;
using Proeftuin.Testing.Fuzz;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Tests.Features.Hardening;

/// <summary>
/// The anonymisation detector and the Markdown renderer read whatever professionals type: random and adversarial
/// input must never throw or hang, and the work must grow linearly with the length of the input; the same holds for the
/// Word export, which walks the renderer's syntax tree itself, and the documents it makes are always valid.
/// </summary>
public sealed class Fuzzing_the_detector_and_the_renderer
{
    private const string Alphabet = "abcdeijnoprstuvwxyz ABCDEJKLMNPSTVWZ0123456789.,;:-_/@#()[]*`<>!&'\"\n\t éëïöüÉ€ßç中\u00a0\u200b\u202e\ud800\udc00";

    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> DetectorPatterns => new()
    {
        "Aaaa Bbbb ", "0612345678 ", "06-", "1234 ", "12-03-", "@", "a@b.", "http://", "www.", "NL91 ", "Jan van der ", "straat ",
        "3511 AB ", "Postbus ", "...", "(((", "de heer ", "mevrouw ", "BSN ", "geboren op ", "St. ", "Van ",
    };

    public static TheoryData<string> MarkdownPatterns => new()
    {
        "[", "[a](", "*", "**a", "_", "`", "<", "> ", "- ", "1. ", "#", "|a|", "![", "\\", "&#", "~~", "    ", "[a]: ",
    };

    [Fact]
    public void Random_text_never_breaks_the_detector_and_findings_stay_in_range()
    {
        var random = new Random(1130);
        for (var i = 0; i < 3_000; i++)
        {
            var text = GrowthCheck.RandomText(random, Alphabet, 600);

            var findings = AnonymizationDetector.Default.Scan(text);

            Assert.All(findings, f => Assert.True(f.Start >= 0 && f.Start < f.End && f.End <= text.Length, $"{f.Start}-{f.End} in {text.Length}"));
        }
    }

    [Theory]
    [MemberData(nameof(DetectorPatterns))]
    public void Detector_work_grows_linearly_on_adversarial_input(string pattern)
    {
        var ratio = GrowthCheck.Ratio(text => AnonymizationDetector.Default.Scan(text), pattern, 50_000);

        Assert.True(ratio < GrowthCheck.MaxRatio, $"{GrowthCheck.Growth}× the input of '{pattern}' took {ratio:F1}× as long");
    }

    [Fact]
    public void Random_markdown_never_breaks_the_renderer()
    {
        var random = new Random(30);
        for (var i = 0; i < 3_000; i++)
        {
            var html = Renderer.Render(GrowthCheck.RandomText(random, Alphabet, 600), 2).ToString() ?? string.Empty;

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(MarkdownPatterns))]
    public void Renderer_work_grows_linearly_on_adversarial_input(string pattern)
    {
        var ratio = GrowthCheck.Ratio(text => Renderer.Render(text, 2).ToString(), pattern, 2_500);

        Assert.True(ratio < GrowthCheck.MaxRatio, $"{GrowthCheck.Growth}× the input of '{pattern}' took {ratio:F1}× as long");
    }

    [Fact]
    public void Random_markdown_always_makes_a_valid_word_document()
    {
        var random = new Random(31);
        var validator = new OpenXmlValidator();
        for (var i = 0; i < 200; i++)
        {
            var bytes = TextExport.Write(ExportFormat.Docx, "Fuzz", "willekeurig", GrowthCheck.RandomText(random, Alphabet, 600), Renderer);

            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(validator.Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        }
    }

    [Theory]
    [MemberData(nameof(MarkdownPatterns))]
    public void Word_export_work_grows_linearly_on_adversarial_input(string pattern)
    {
        var ratio = GrowthCheck.Ratio(text => TextExport.Write(ExportFormat.Docx, "Fuzz", "patroon", text, Renderer), pattern, 2_500);

        Assert.True(ratio < GrowthCheck.MaxRatio, $"{GrowthCheck.Growth}× the input of '{pattern}' took {ratio:F1}× as long");
    }
}
