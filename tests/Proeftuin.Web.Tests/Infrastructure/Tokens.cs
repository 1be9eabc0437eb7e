using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>
/// Real OpenID Connect tokens from the test server: a demo professional signs in (password + TOTP) and the public CLI
/// client runs the authorization code flow with PKCE; or the integration client uses client credentials.
/// </summary>
public static class Tokens
{
    public const string RedirectUri = "http://127.0.0.1/callback";

    public static async Task<string> ForProfessionalAsync(WebApplicationFactory<Program> factory, string email)
    {
        var (code, verifier) = await AuthorizeAsync(factory, email);
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "proeftuin-cli", ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("access_token").GetString()! : throw new InvalidOperationException(body.ToString());
    }

    public static async Task<(string Code, string Verifier)> AuthorizeAsync(WebApplicationFactory<Program> factory, string email)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The first login of a fresh app compiles pages and opens the database: on a loaded machine that can take longer
        // than HttpClient's default 100 s.
        client.Timeout = TimeSpan.FromMinutes(5);
        await LoginWithoutRedirectsAsync(client, email, factory);
        var verifier = Verifier();
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "proeftuin-cli", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid proeftuin.api",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "abc123",
        });

        using var response = await client.GetAsync(new Uri(query, UriKind.Relative));
        var location = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location! : throw new InvalidOperationException($"authorize answered {response.StatusCode}");
        var parameters = QueryHelpers.ParseQuery(location.Query);
        return location.ToString().StartsWith(RedirectUri, StringComparison.Ordinal) && parameters["state"] == "abc123"
            ? (parameters["code"].ToString(), verifier)
            : throw new InvalidOperationException($"unexpected redirect {location}");
    }

    public static async Task<string> ForIntegrationAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DemoAppSettings.IntegrationClientId,
            ["client_secret"] = DemoAppSettings.IntegrationClientSecret, ["scope"] = "proeftuin.api",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("access_token").GetString()! : throw new InvalidOperationException(body.ToString());
    }

    public static string Verifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static async Task LoginWithoutRedirectsAsync(HttpClient client, string email, WebApplicationFactory<Program> factory)
    {
        using var password = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = email, ["password"] = DemoAccounts.Password });
        var twoFactor = password.Headers.Location?.OriginalString ?? throw new InvalidOperationException("no two-factor step");
        using var code = await BrowserlessLogin.PostFormAsync(client, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, factory, account: email) });
        if (code.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"two-factor step answered {code.StatusCode}");
        }
    }
}
