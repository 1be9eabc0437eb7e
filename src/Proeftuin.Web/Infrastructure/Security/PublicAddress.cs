namespace Proeftuin.Web.Infrastructure.Security;

/// <summary>
/// The address users reach the app at (<c>App:PublicBaseUrl</c>), for links that leave the request: invitation and
/// password-reset mails. Never the request's Host header, which a client chooses: a forged Host would otherwise send
/// a victim's one-time token to another server. Required outside Development, where it defaults to
/// http://localhost:5080 (the address of <c>dotnet run</c>). With it, <c>AllowedHosts</c> must name the app's host
/// names outside Development (not <c>*</c>), so the host filter refuses a forged Host before any page sees it.
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "App:PublicBaseUrl";
    private const string DevelopmentBaseUrl = "http://localhost:5080";

    public PublicAddress(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = environment.IsDevelopment()
                ? DevelopmentBaseUrl
                : throw new StartupConfigurationException($"De instelling {Setting} ontbreekt: het adres waarop gebruikers de app bereiken (bijvoorbeeld https://proeftuin.example.nl), voor de links in e-mails.");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new StartupConfigurationException($"De instelling {Setting} is geen geldig http(s)-adres zonder query: '{configured}'.");
        }

        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!environment.IsDevelopment())
        {
            CheckAllowedHosts(configuration["AllowedHosts"]);
        }
    }

    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The absolute link for an app-relative path such as the result of <c>Url.Page(…)</c> ("/account/set-password?…").</summary>
    public string Link(string relativePath) =>
        relativePath.StartsWith('/') && !relativePath.StartsWith("//", StringComparison.Ordinal)
            ? BaseUrl + relativePath
            : throw new ArgumentException("Alleen een pad binnen de app kan een publieke link worden.", nameof(relativePath));

    private static void CheckAllowedHosts(string? allowedHosts)
    {
        var hosts = (allowedHosts ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*"))
        {
            throw new StartupConfigurationException("De instelling AllowedHosts moet buiten Development de hostnamen van de app noemen (gescheiden door ';'), niet '*'.");
        }
    }
}
