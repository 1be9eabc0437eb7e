using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Proeftuin.Web.Features.Archive;

/// <summary>
/// Renders a search snippet so that only &lt;mark&gt; survives as markup: everything between the marks is decoded and
/// encoded again by Razor, so whatever a database put there cannot become HTML.
/// </summary>
public static partial class MarkedSnippet
{
    public static IHtmlContent Render(string snippet)
    {
        var html = new HtmlContentBuilder();
        var open = false;
        foreach (var part in MarkTag().Split(snippet))
        {
            if (part == "<mark>" && !open)
            {
                html.AppendHtml(part);
                open = true;
            }
            else if (part == "</mark>" && open)
            {
                html.AppendHtml(part);
                open = false;
            }
            else
            {
                html.Append(WebUtility.HtmlDecode(part));
            }
        }

        if (open)
        {
            html.AppendHtml("</mark>");
        }

        return html;
    }

    [GeneratedRegex("(</?mark>)")]
    private static partial Regex MarkTag();
}
