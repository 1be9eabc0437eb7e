namespace Proeftuin.Data.Providers;

/// <summary>
/// Start-up cannot go on because of a setting. The message names the setting and is shown as-is, without a stack trace.
/// </summary>
public sealed class DatabaseConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
