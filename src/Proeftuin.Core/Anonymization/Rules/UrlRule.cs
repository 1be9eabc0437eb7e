namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Personal links and handles: http(s) and www links, social-media profile links (instagram.com/…, tiktok.com/@…)
/// and @handles. Found from the few places a link can start, so the cost is linear in the text.
/// </summary>
internal sealed class UrlRule : IDetectionRule
{
    private static readonly string[] Platforms =
    [
        "instagram", "tiktok", "youtube", "snapchat", "facebook", "twitter", "linkedin", "twitch", "threads", "pinterest", "reddit",
        "soundcloud", "discord", "x",
    ];

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        foreach (var marker in new[] { "http://", "https://", "www." })
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (marker == "www." && at >= 3 && text.AsSpan(at - 3, 3).SequenceEqual("://"))
                {
                    continue;
                }

                Add(text, at, LinkEnd(text, at), findings);
            }
        }

        foreach (var marker in new[] { ".com/", ".gg/" })
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var start = at;
                while (start > 0 && char.IsAsciiLetter(text[start - 1]))
                {
                    start--;
                }

                if (Platforms.Any(p => text.AsSpan(start, at - start).Equals(p, StringComparison.OrdinalIgnoreCase)) && (start == 0 || !IsLinkChar(text[start - 1])))
                {
                    Add(text, start, LinkEnd(text, at + marker.Length), findings);
                }
            }
        }

        for (var at = text.IndexOf('@'); at >= 0; at = at + 1 < text.Length ? text.IndexOf('@', at + 1) : -1)
        {
            // A handle: '@' not inside an e-mail address or link, then letters, digits, '_' and '.'.
            if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '/' or '@' or '_' or '-'))
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && end - at <= 30 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.'))
            {
                end++;
            }

            Add(text, at, end, findings);
        }
    }

    private static int LinkEnd(string text, int from)
    {
        var end = from;
        while (end < text.Length && end - from < 200 && IsLinkChar(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsLinkChar(char c) => !char.IsWhiteSpace(c) && c is not ('<' or '>' or '"' or '\'' or '(' or ')' or '[' or ']' or ',' or ';');

    private static void Add(string text, int start, int end, List<Finding> findings)
    {
        while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?')
        {
            end--;
        }

        if (end - start >= 3)
        {
            findings.Add(new Finding(start, end, Category.Url, "url", 0.95));
        }
    }
}
