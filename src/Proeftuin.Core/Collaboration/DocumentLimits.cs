namespace Proeftuin.Core.Collaboration;

/// <summary>
/// The size every co-edited document stays within. Enforced on every operation as it is built (no count, base or
/// target length above it), so an operation can neither wrap an int nor grow a text past what closing a meeting accepts.
/// </summary>
public static class DocumentLimits
{
    /// <summary>UTF-16 code units a case text or verslag may hold (equal to <c>CaseFile.MaxTextLength</c>).</summary>
    public const int MaxLength = 200_000;
}
