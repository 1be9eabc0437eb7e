using System.Net;
using System.Text;

namespace Proeftuin.Core.Archive;

/// <summary>
/// A short piece of a text around the first matching word, HTML-encoded, with every matching word in
/// <c>&lt;mark&gt;</c>. Markdown markers (#, *, _, `, &gt; at a line start) are dropped first: the snippet is plain text.
/// </summary>
public static class SnippetHighlighter
{
    public const int DefaultLength = 240;
    private const int ContextBefore = 60;

    public static Snippet Highlight(string text, SearchTerms terms, int maxLength = DefaultLength)
    {
        var plain = PlainText(text);
        var matches = SearchTerms.WordSpans(plain).Where(s => terms.Matches(plain.Substring(s.Start, s.Length))).ToList();
        var start = matches.Count == 0 ? 0 : WordStartAtOrBefore(plain, Math.Max(0, matches[0].Start - ContextBefore));
        var end = maxLength >= plain.Length - start ? plain.Length : start + maxLength;
        if (end < plain.Length)
        {
            var space = plain.LastIndexOf(' ', end - 1, end - start);
            end = space > start ? space : end;
        }

        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (matchStart, length) in matches.Where(m => m.Start >= start && m.Start + m.Length <= end))
        {
            html.Append(WebUtility.HtmlEncode(plain[at..matchStart]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(plain.Substring(matchStart, length))).Append("</mark>");
            at = matchStart + length;
        }

        html.Append(WebUtility.HtmlEncode(plain[at..end]));
        if (end < plain.Length)
        {
            html.Append('…');
        }

        return new Snippet(html.ToString(), matches.Count);
    }

    /// <summary>The text as one line without Markdown markers, so a snippet reads as a sentence.</summary>
    public static string PlainText(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.Trim().TrimStart('#', '>', '-', ' ').Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
            if (trimmed.Length > 0)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append(trimmed);
            }
        }

        return text.ToString();
    }

    private static int WordStartAtOrBefore(string text, int position)
    {
        var space = position == 0 ? -1 : text.LastIndexOf(' ', position);
        return space < 0 ? 0 : space + 1;
    }
}

/// <summary>Highlighted HTML (encoded except the marks) and how many words matched.</summary>
public sealed record Snippet(string Html, int MatchCount);
