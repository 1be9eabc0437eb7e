using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Proeftuin.Web.Infrastructure.Markdown;

/// <summary>
/// Case text (Markdown written by many hands) to HTML that is safe to show. Two layers, because either alone has gaps:
/// Markdig with raw HTML off never passes typed tags through, and the sanitiser then removes what Markdown itself can
/// produce, such as <c>javascript:</c> links.
/// </summary>
public sealed class MarkdownRenderer
{
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

    public IHtmlContent Render(string markdown) =>
        new HtmlString(_sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, _pipeline)));
}
