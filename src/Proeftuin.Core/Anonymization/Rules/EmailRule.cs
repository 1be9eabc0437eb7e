namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>E-mail addresses, found from each '@' outwards (linear in the text, no regex backtracking).</summary>
internal sealed class EmailRule : IDetectionRule
{
    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        var at = text.IndexOf('@');
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && at - start < 64 && IsLocal(text[start - 1]))
            {
                start--;
            }

            while (start < at && !char.IsAsciiLetterOrDigit(text[start]))
            {
                start++;
            }

            var end = at + 1;
            while (end < text.Length && end - at < 255 && IsDomain(text[end]))
            {
                end++;
            }

            while (end > at + 1 && !char.IsAsciiLetter(text[end - 1]))
            {
                end--;
            }

            var domain = text.AsSpan(at + 1, end - at - 1);
            var lastDot = domain.LastIndexOf('.');
            if (start < at && lastDot > 0 && domain.Length - lastDot - 1 >= 2)
            {
                findings.Add(new Finding(start, end, Category.Email, "email", 0.99));
            }

            at = end < text.Length ? text.IndexOf('@', end) : -1;
        }
    }

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
