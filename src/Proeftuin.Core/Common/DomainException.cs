namespace Proeftuin.Core.Common;

/// <summary>
/// A domain rule was broken. <see cref="Code"/> is stable for clients (ProblemDetails type, hub error code);
/// the message is Dutch because it is shown to the user as-is.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
