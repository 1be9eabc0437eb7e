namespace Proeftuin.Web.Features.Anonymization;

/// <summary>Thrown by a shared use case (e.g. creating a case) when the guard refused its texts; nothing was stored.</summary>
public sealed class GuardRefusedException(GuardVerdict verdict) : Exception(verdict.Message)
{
    public GuardVerdict Verdict { get; } = verdict;
}
