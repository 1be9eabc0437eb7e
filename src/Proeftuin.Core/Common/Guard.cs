namespace Proeftuin.Core.Common;

/// <summary>Argument checks that raise <see cref="DomainException"/> with a Dutch message.</summary>
public static class Guard
{
    public static string Required(string? value, string code, string message, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(code, message);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(code, $"{message} (maximaal {maxLength} tekens).");
        }

        return trimmed;
    }

    public static string? Optional(string? value, string code, string message, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > maxLength
            ? throw new DomainException(code, $"{message} (maximaal {maxLength} tekens).")
            : trimmed;
    }

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Tijdstippen worden in UTC opgeslagen.", nameof(value));
}
