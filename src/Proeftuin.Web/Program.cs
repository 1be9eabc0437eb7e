using Proeftuin.Data.Providers;
using Proeftuin.Web.Infrastructure;

// Start-up problems caused by settings (unknown provider, unreachable database) end the process with one clear
// message that names the setting, instead of a stack trace.
try
{
    var app = ProeftuinApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is DatabaseConfigurationException or StartupConfigurationException)
{
    await Console.Error.WriteLineAsync($"Proeftuin kan niet starten: {ex.Message}");
    return 1;
}

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
