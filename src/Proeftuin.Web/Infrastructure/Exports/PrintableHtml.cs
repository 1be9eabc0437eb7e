using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>
/// The shell of every print export: a standalone HTML document (A4, no app header or footer, table headers repeated
/// on every page, a page break between themes) with one fixed stylesheet and no script. Its policy allows exactly that
/// stylesheet by hash — not the app's per-response nonce — so the file looks the same opened from the app, where the
/// policy comes as a header, or from disk, where the same policy is in the document's meta element.
/// </summary>
public static class PrintableHtml
{
    private const string Style = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; margin: 0; }
        h1 { font-size: 18pt; margin: 0 0 4pt; }
        h2 { font-size: 14pt; margin: 14pt 0 6pt; }
        h3, h4, h5, h6 { font-size: 12pt; margin: 12pt 0 4pt; }
        h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
        p, li { orphans: 3; widows: 3; }
        blockquote { margin: 6pt 0 6pt 12pt; padding-left: 8pt; border-left: 2pt solid #777; }
        pre, code { font-family: Consolas, "Courier New", monospace; font-size: 9.5pt; white-space: pre-wrap; }
        a { color: #000; }
        .selection { color: #333; margin: 0 0 12pt; }
        section.theme + section.theme { break-before: page; page-break-before: always; }
        table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #777; padding: 3pt 4pt; text-align: left; vertical-align: top; }
        th { background: #eee; }
        @media screen { body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; } }
        @media print { a { text-decoration: none; } }
        """;

    /// <summary>Nothing may load or run; only the document's own stylesheet applies.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; img-src data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A document titled <paramref name="title"/> (the h1), a line below it saying what it is, and the body, which must
    /// already be safe HTML: the sanitised Markdown rendering or encoded text.
    /// </summary>
    public static byte[] Write(string title, string subtitle, IEnumerable<IHtmlContent> body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(title)).Append("</title>\n<style>")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n<p class=\"selection\">")
            .Append(Encode(subtitle)).Append("</p>\n");
        using var writer = new StringWriter(html);
        foreach (var part in body)
        {
            part.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            html.Append('\n');
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
