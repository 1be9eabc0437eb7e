namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Social-media handles without a link: after a platform's name ("Insta (sanne.x)", "snap: x030", "TikTok sanne_09")
/// and Discord tags anywhere ("name#0420"). Walks the word list and looks at '#': linear in the text.
/// </summary>
internal sealed class HandleRule : IDetectionRule
{
    private static readonly HashSet<string> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        "insta", "instagram", "ig", "snap", "snapchat", "sc", "tiktok", "discord", "twitter", "threads", "twitch", "telegram", "signal",
        "roblox", "fortnite", "psn", "xbox", "steam", "youtube", "bereal",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        foreach (var word in input.Words)
        {
            if (!Platforms.Contains(word.Text))
            {
                continue;
            }

            // "Insta (name)", "insta: name", "Snapchat name_09", "discord = name".
            var at = word.End;
            var bracket = false;
            while (at < text.Length && at - word.End < 4 && text[at] is ' ' or ':' or '(' or '=' or '-')
            {
                bracket |= text[at] is '(' or ':' or '=';
                at++;
            }

            var end = HandleEnd(text, at);
            var handle = text.AsSpan(at, end - at);
            if (handle.Length >= 3 && handle.Length <= 32 && (bracket || LooksLikeHandle(handle)) && !IsOrdinaryWord(handle))
            {
                findings.Add(new Finding(at, end, Category.Url, "handle", 0.9));
            }
        }

        // Discord tags: name#1234.
        for (var hash = text.IndexOf('#'); hash > 0; hash = hash + 1 < text.Length ? text.IndexOf('#', hash + 1) : -1)
        {
            var digits = 0;
            while (hash + 1 + digits < text.Length && char.IsAsciiDigit(text[hash + 1 + digits]))
            {
                digits++;
            }

            var start = hash;
            while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.'))
            {
                start--;
            }

            if (digits == 4 && hash - start >= 2 && (hash + 5 == text.Length || !char.IsLetterOrDigit(text[hash + 5])))
            {
                findings.Add(new Finding(start, hash + 5, Category.Url, "handle", 0.9));
            }
        }
    }

    private static int HandleEnd(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at <= 32 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.' or '@' or '#'))
        {
            end++;
        }

        while (end > at && text[end - 1] is '.')
        {
            end--;
        }

        return end;
    }

    private static bool LooksLikeHandle(ReadOnlySpan<char> handle) => handle.IndexOfAny("0123456789_.@#") >= 0;

    private static bool IsOrdinaryWord(ReadOnlySpan<char> handle) =>
        handle.IndexOfAny("0123456789_.@#") < 0 && (WordSet.Dutch.Contains(handle) || WordSet.English.Contains(handle));
}
