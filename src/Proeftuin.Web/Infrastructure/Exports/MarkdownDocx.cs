using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>
/// Markdown into a <see cref="WordDocument"/> by walking Markdig's syntax tree (parsed with the app's own settings,
/// raw HTML off): headings become Heading1..3, lists real Word bullet and numbered lists, bold and italic real run
/// formatting, block quotes the Quote style, code the Code style. Links keep their text with the address after it;
/// only http(s) and mailto addresses are shown, like the sanitiser on the page.
/// </summary>
public static class MarkdownDocx
{
    private static readonly string[] ShownSchemes = ["http://", "https://", "mailto:"];

    /// <summary>Adds <paramref name="markdown"/>; its headings move <paramref name="headingOffset"/> levels down, below the document's own.</summary>
    public static void Append(WordDocument document, MarkdownDocument markdown, int headingOffset)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(markdown);
        new Walker(document, headingOffset).Blocks(markdown, list: null);
    }

    /// <summary>Where a block stands in a list: which list (its numbering id) and how deep.</summary>
    private sealed record ListPlace(int NumberingId, int Level);

    private readonly record struct Format(bool Bold, bool Italic, bool Code);

    private sealed class Walker(WordDocument document, int headingOffset)
    {
        private ListPlace? _pending;

        public void Blocks(ContainerBlock container, ListPlace? list)
        {
            foreach (var block in container)
            {
                Block(block, list);
            }
        }

        private void Block(Block block, ListPlace? list)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    document.ParagraphOf(WordDocument.HeadingStyle(heading.Level + headingOffset), Inlines(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    Paragraph(list is null ? null : "ListParagraph", Inlines(paragraph.Inline), list);
                    break;
                case ListBlock items:
                    var level = list is null ? 0 : list.Level + 1;
                    var start = items.IsOrdered && int.TryParse(items.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
                    var id = document.NewList(items.IsOrdered, level, start);
                    foreach (var item in items.OfType<ListItemBlock>())
                    {
                        _pending = new ListPlace(id, level);
                        Blocks(item, _pending);
                        if (_pending is not null)
                        {
                            // An empty item still shows its bullet or number.
                            Paragraph("ListParagraph", [], _pending);
                        }
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var inner in quote)
                    {
                        if (inner is LeafBlock { Inline: not null } leaf)
                        {
                            Paragraph("Quote", Inlines(leaf.Inline), list);
                        }
                        else
                        {
                            Block(inner, list);
                        }
                    }

                    break;
                case CodeBlock code:
                    // An empty fence has no lines at all (not even an empty array).
                    for (var i = 0; i < code.Lines.Count; i++)
                    {
                        Paragraph("Code", [WordDocument.Run(code.Lines.Lines[i].Slice.ToString())], list);
                    }

                    break;
                case ThematicBreakBlock:
                    document.ParagraphOf(null, [], new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }));
                    break;
                case ContainerBlock container:
                    Blocks(container, list);
                    break;
                case LeafBlock leaf:
                    // Whatever else Markdig makes of a line (HTML is off, so none of that) is kept as text.
                    var text = leaf.Inline is not null ? Inlines(leaf.Inline) : [WordDocument.Run(leaf.Lines.ToString())];
                    Paragraph(null, text, list);
                    break;
            }
        }

        /// <summary>The first paragraph of a list item carries the bullet or number; later ones indent under it.</summary>
        private void Paragraph(string? style, IEnumerable<OpenXmlElement> runs, ListPlace? list)
        {
            if (_pending is { } item)
            {
                _pending = null;
                document.ParagraphOf(style ?? "ListParagraph", runs, new NumberingProperties(
                    new NumberingLevelReference { Val = Math.Min(item.Level, 8) }, new NumberingId { Val = item.NumberingId }));
            }
            else if (list is not null)
            {
                var indent = (360 * (Math.Min(list.Level, 8) + 2)).ToString(CultureInfo.InvariantCulture);
                document.ParagraphOf(style ?? "ListParagraph", runs, new Indentation { Left = indent });
            }
            else
            {
                document.ParagraphOf(style, runs);
            }
        }

        private static List<OpenXmlElement> Inlines(ContainerInline? container)
        {
            var runs = new List<OpenXmlElement>();
            if (container is not null)
            {
                Inline(container, default, runs);
            }

            return runs;
        }

        private static void Inline(Inline inline, Format format, List<OpenXmlElement> runs)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(Run(literal.Content.ToString(), format));
                    break;
                case CodeInline code:
                    runs.Add(Run(code.Content, format with { Code = true }));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? new Run(new Break()) : Run(" ", format));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(Run(entity.Transcoded.ToString(), format));
                    break;
                case AutolinkInline autolink:
                    runs.Add(Run(autolink.Url, format));
                    break;
                case EmphasisInline emphasis:
                    var inner = emphasis.DelimiterCount >= 2 ? format with { Bold = true } : format with { Italic = true };
                    Children(emphasis, inner, runs);
                    break;
                case LinkInline link:
                    Children(link, format, runs);
                    var url = link.Url ?? string.Empty;
                    if (!link.IsImage && ShownSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) && url != Text(link))
                    {
                        runs.Add(Run($" ({url})", format));
                    }

                    break;
                case ContainerInline container:
                    Children(container, format, runs);
                    break;
            }
        }

        private static void Children(ContainerInline container, Format format, List<OpenXmlElement> runs)
        {
            foreach (var child in container)
            {
                Inline(child, format, runs);
            }
        }

        private static string Text(ContainerInline container) =>
            string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

        private static Run Run(string text, Format format) => WordDocument.Run(text, format.Bold, format.Italic, format.Code);
    }
}
