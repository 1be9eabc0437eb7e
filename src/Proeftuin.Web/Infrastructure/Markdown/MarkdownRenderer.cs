using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Proeftuin.Web.Infrastructure.Markdown;

/// <summary>
/// Case text (Markdown written by many hands) to HTML that is safe to show. Two layers, because either alone has gaps:
/// Markdig with raw HTML off never passes typed tags through, and the sanitiser then removes what Markdown itself can
/// produce, such as <c>javascript:</c> links.
/// </summary>
public sealed class MarkdownRenderer
{
    private const int DeepestHeading = 6;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    // Only http(s) and mailto links survive; the sanitiser is thread-safe once configured.
    private readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = HtmlSanitizerDefaults.AllowedTags,
        AllowedAttributes = HtmlSanitizerDefaults.AllowedAttributes,
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = HtmlSanitizerDefaults.UriAttributes,
    });

    /// <summary>
    /// Renders <paramref name="markdown"/> for a page section whose own heading has level <paramref name="sectionLevel"/>:
    /// the text's headings move below it, so the page keeps one h1 and an unbroken outline for screen readers.
    /// </summary>
    public IHtmlContent Render(string markdown, int sectionLevel)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + sectionLevel, DeepestHeading);
        }

        return new HtmlString(_sanitizer.Sanitize(document.ToHtml(_pipeline)));
    }
}
