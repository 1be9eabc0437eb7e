namespace Proeftuin.Core.Anonymization;

/// <summary>The check digits that tell a real BSN or IBAN from any 9 or 18 digits.</summary>
public static class Checksums
{
    /// <summary>The 11-proef of the burgerservicenummer: weights 9..2 and -1, sum divisible by 11.</summary>
    public static bool IsBsn(ReadOnlySpan<char> digits) => ElevenTest(digits, out var sum) && sum % 11 == 0 && sum != 0;

    /// <summary>The onderwijsnummer: same weights, sum leaves remainder 5, starts with 10.</summary>
    public static bool IsEducationNumber(ReadOnlySpan<char> digits) =>
        ElevenTest(digits, out var sum) && sum % 11 == 5 && digits.StartsWith("10");

    /// <summary>ISO 13616 mod-97 over the IBAN without spaces.</summary>
    public static bool IsIban(ReadOnlySpan<char> iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]))
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static bool ElevenTest(ReadOnlySpan<char> digits, out int sum)
    {
        sum = 0;
        if (digits.Length != 9)
        {
            return false;
        }

        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            sum += (i < 8 ? 9 - i : -1) * (digits[i] - '0');
        }

        return true;
    }

    public static string DigitsOnly(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && count < buffer.Length)
            {
                buffer[count++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..count]);
    }
}
