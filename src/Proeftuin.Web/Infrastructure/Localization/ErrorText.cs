using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>
/// Marker type for the translations of error messages (domain rules, hub errors, ProblemDetails) in
/// Resources/Infrastructure.Localization.ErrorText*.resx. The Dutch message is the key, as ASP.NET Core localization
/// recommends for a default language: the domain keeps raising Dutch messages, and a missing translation shows Dutch
/// rather than nothing. A message that carries values ("Kies maximaal 8 thema's.") is keyed by its Dutch template
/// with numbered holes ("Kies maximaal {0} thema's."): the message is matched against the templates, and the values
/// found in the holes are put into the translation (translated themselves where they are a known message, such as
/// "Deze bespreking" in "{0} bestaat niet.").
/// </summary>
public sealed partial class ErrorText
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Template>> TemplatesByCulture = new(StringComparer.Ordinal);

    /// <summary>The message in <paramref name="culture"/>'s language, or the Dutch message itself when none is known.</summary>
    public static string Translate(IStringLocalizer<ErrorText> localizer, string message, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(message) || culture.TwoLetterISOLanguageName == "nl")
        {
            return message;
        }

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return TranslateIn(localizer, message, culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string TranslateIn(IStringLocalizer<ErrorText> localizer, string message, CultureInfo culture)
    {
        var direct = localizer[message];
        if (!direct.ResourceNotFound)
        {
            return direct.Value;
        }

        foreach (var template in TemplatesByCulture.GetOrAdd(culture.Name, _ => Templates(localizer)))
        {
            var match = template.Pattern.Match(message);
            if (match.Success)
            {
                var values = Enumerable.Range(0, template.Holes)
                    .Select(hole => (object)TranslateIn(localizer, match.Groups[$"v{hole}"].Value, culture))
                    .ToArray();
                return localizer[template.Key, values].Value;
            }
        }

        // Guard.Required adds "(maximaal N tekens)." to a rule's message: the rule and the limit are translated apart.
        var tooLong = TooLong().Match(message);
        return tooLong.Success
            ? localizer["TooLong", TranslateIn(localizer, tooLong.Groups["rule"].Value, culture), tooLong.Groups["max"].Value].Value
            : message;
    }

    /// <summary>The keys with holes, the most specific (most fixed text) first, each as a pattern over a Dutch message.</summary>
    private static IReadOnlyList<Template> Templates(IStringLocalizer<ErrorText> localizer) =>
        [.. localizer.GetAllStrings(includeParentCultures: false)
            .Select(s => s.Name)
            .Where(key => key != "TooLong" && Hole().IsMatch(key))
            .Select(Template.For)
            .OrderByDescending(t => t.FixedLength)];

    private sealed record Template(string Key, Regex Pattern, int Holes, int FixedLength)
    {
        public static Template For(string key)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pattern = EscapedHole().Replace(Regex.Escape(key), hole =>
                seen.Add(hole.Groups[1].Value) ? $"(?<v{hole.Groups[1].Value}>.+?)" : $@"\k<v{hole.Groups[1].Value}>");
            return new Template(key, new Regex($"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant), seen.Count, Hole().Replace(key, string.Empty).Length);
        }
    }

    [GeneratedRegex(@"^(?<rule>.+) \(maximaal (?<max>\d+) tekens\)\.$")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\\\{(\d+)\}")]
    private static partial Regex EscapedHole();
}
