using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// A rule built on one regular expression plus a check of each match. Every pattern is linear: no nested unbounded
/// quantifiers, and a match timeout as a last line of defence against pathological input.
/// </summary>
internal abstract class RegexRule(Regex pattern, Category category, string rule, double confidence) : IDetectionRule
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    protected const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        if (!MayMatch(text))
        {
            return;
        }

        try
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Accept(text, match) is { } span && span.End > span.Start)
                {
                    findings.Add(new Finding(span.Start, span.End, category, rule, confidence));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Adversarial input: what was found so far stands; the gate still requires a human look.
        }
    }

    /// <summary>A cheap test that lets a rule skip texts it cannot match at all.</summary>
    protected virtual bool MayMatch(string text) => true;

    /// <summary>The span to flag for this match, or null to skip it.</summary>
    protected virtual (int Start, int End)? Accept(string text, Match match) => (match.Index, match.Index + match.Length);

    protected static string PrecedingWords(string text, int index, int length = 30) =>
        text[Math.Max(0, index - length)..index].ToLowerInvariant();
}
