using System.Text;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>
/// A text written in Markdown — a verslag, a case — as a file: the Markdown as it is, a page to print (rendered and
/// sanitised by <see cref="MarkdownRenderer"/>, below the title) or a Word document (converted by <see cref="MarkdownDocx"/>,
/// the text's own headings as Heading1..3 under the Title). CSV is not a text's format: the features write their lists.
/// </summary>
public static class TextExport
{
    public static byte[] Write(ExportFormat format, string title, string subtitle, string text, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return format switch
        {
            ExportFormat.Markdown => Encoding.UTF8.GetBytes(text),
            ExportFormat.Html => PrintableHtml.Write(title, subtitle, [markdown.Render(text, 1)]),
            ExportFormat.Docx => WordDocument.Write(title, document =>
            {
                document.Paragraph(subtitle, null);
                MarkdownDocx.Append(document, markdown.Parse(text), headingOffset: 0);
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A text has no CSV form."),
        };
    }
}
