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

    /// <summary>Below Markdig's renderer's own limit, so a tree that passes renders; an export's walk stays shallow too.</summary>
    private const int MaxDepth = 100;

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
        string html;
        try
        {
            html = ToHtml(Parse(markdown), sectionLevel);
        }
        catch (ArgumentException)
        {
            // The depth check keeps below the renderer's limit; should the two ever count differently, the text is
            // still shown as typed rather than failing the page.
            html = ToHtml(Markdig.Markdown.Parse(Literal(markdown), _pipeline), sectionLevel);
        }

        return new HtmlString(_sanitizer.Sanitize(html));
    }

    private string ToHtml(MarkdownDocument document, int sectionLevel)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + sectionLevel, DeepestHeading);
        }

        return document.ToHtml(_pipeline);
    }

    /// <summary>
    /// The text's syntax tree with the same settings as <see cref="Render"/> (raw HTML off, over-long paragraphs
    /// literal), for exports that walk it themselves, such as the Word document.
    /// </summary>
    public MarkdownDocument Parse(string markdown)
    {
        try
        {
            var document = Markdig.Markdown.Parse(Tame(markdown), _pipeline);
            if (Depth(document) <= MaxDepth)
            {
                return document;
            }
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit, hit while parsing.
        }

        // Nested deeper than anybody writes on purpose (hundreds of quotes, brackets or list levels): the text is
        // shown as it was typed rather than failing the page, or a walk over the tree.
        return Markdig.Markdown.Parse(Literal(markdown), _pipeline);
    }

    /// <summary>How deep blocks and inlines nest, counted without recursion (the point is not to trust the depth).</summary>
    private static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            IEnumerable<MarkdownObject> children = node switch
            {
                ContainerBlock container => container,
                LeafBlock { Inline: { } inline } => [inline],
                Markdig.Syntax.Inlines.ContainerInline container => container,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>Longer paragraphs than this are shown literally: no case text has them, and parsing them costs more than linear time.</summary>
    public const int MaxFormattedParagraph = 5_000;

    /// <summary>
    /// Markdig's inline parsing can take quadratic time inside one paragraph (e.g. thousands of unclosed "[a]("), so
    /// a paragraph above <see cref="MaxFormattedParagraph"/> characters keeps its text but loses its formatting: the
    /// page stays fast whatever is typed.
    /// </summary>
    private static string Tame(string markdown)
    {
        var paragraphs = markdown.Split("\n\n");
        if (paragraphs.All(p => p.Length <= MaxFormattedParagraph))
        {
            return markdown;
        }

        return string.Join("\n\n", paragraphs.Select(p => p.Length <= MaxFormattedParagraph ? p : Literal(p)));
    }

    /// <summary>Every ASCII punctuation character escaped with a backslash: Markdown then shows the text as typed.</summary>
    private static string Literal(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + (text.Length / 4));
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || !char.IsAscii(c) || char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }
}
