using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>
/// Marker type for the translations of error messages (domain rules, hub errors, ProblemDetails) in
/// Resources/Infrastructure.Localization.ErrorText*.resx. The Dutch message is the key, as ASP.NET Core localization
/// recommends for a default language: the domain keeps raising Dutch messages, and a missing translation shows Dutch
/// rather than nothing.
/// </summary>
public sealed partial class ErrorText
{
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
            // Guard.Required adds "(maximaal N tekens)." to a rule's message: the rule and the limit are translated apart.
            var tooLong = TooLong().Match(message);
            if (tooLong.Success)
            {
                return localizer["TooLong", localizer[tooLong.Groups["rule"].Value].Value, tooLong.Groups["max"].Value].Value;
            }

            return localizer[message].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"^(?<rule>.+) \(maximaal (?<max>\d+) tekens\)\.$")]
    private static partial Regex TooLong();
}
