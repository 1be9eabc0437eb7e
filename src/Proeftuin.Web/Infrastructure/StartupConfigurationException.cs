namespace Proeftuin.Web.Infrastructure;

/// <summary>A setting makes start-up impossible; the message names it and is shown without a stack trace.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
