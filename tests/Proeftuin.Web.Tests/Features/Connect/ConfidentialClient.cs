using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Features.Account;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Connect;

/// <summary>
/// The app with a confidential relying party registered through configuration (the federation client: code + PKCE,
/// refresh tokens, end-session with a post-logout redirect URI), and that client's side of the protocol over plain
/// HTTP: a browser with cookies that signs in and authorizes, and the back channel that redeems and refreshes.
/// </summary>
public sealed class ConfidentialClient : IAsyncLifetime
{
    public const string ClientId = "relying-party-test";
    public const string ClientSecret = "relying-party-secret-0123456789abcdef";
    public const string RedirectUri = "http://rp.example/callback";
    public const string PostLogoutRedirectUri = "http://rp.example/signed-out";

    public ConfiguredProeftuinFactory App { get; } = new(new Dictionary<string, string>
    {
        ["OpenIddict:Federation:ClientId"] = ClientId,
        ["OpenIddict:Federation:ClientSecret"] = ClientSecret,
        ["OpenIddict:Federation:RedirectUri"] = RedirectUri,
        ["OpenIddict:Federation:PostLogoutRedirectUri"] = PostLogoutRedirectUri,
    });

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A browser at the provider: keeps cookies; redirects are followed by the test.</summary>
    public HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs <paramref name="browser"/> in as <paramref name="email"/> (password and TOTP).</summary>
    public async Task SignInAsync(HttpClient browser, string email)
    {
        using var password = await BrowserlessLogin.PostFormAsync(browser, "/account/login", new Dictionary<string, string> { ["email"] = email, ["password"] = DemoAccounts.Password });
        var twoFactor = FederatedApps.PathOf(FederatedApps.RedirectOf(password));
        using var code = await BrowserlessLogin.PostFormAsync(browser, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, App, account: email) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
    }

    /// <summary>The authorization request of this client, with a fresh PKCE verifier.</summary>
    public static (string Path, string Verifier) AuthorizationRequest(string scope, string clientId = ClientId, string redirectUri = RedirectUri)
    {
        var verifier = Tokens.Verifier();
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var path = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "state-1",
        });
        return (path, verifier);
    }

    /// <summary>A signed-in browser authorizes this client and the back channel redeems the code: the token response.</summary>
    public async Task<JsonElement> TokensAsync(HttpClient browser, string scope = "openid profile email offline_access")
    {
        var (path, verifier) = AuthorizationRequest(scope);
        using var authorized = await browser.GetAsync(new Uri(path, UriKind.Relative));
        var location = FederatedApps.RedirectOf(authorized);
        Assert.StartsWith(RedirectUri + "?", location.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();

        using var response = await TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    /// <summary>A token request of this client (client_secret_post).</summary>
    public async Task<HttpResponseMessage> TokenRequestAsync(Dictionary<string, string> fields)
    {
        using var backChannel = App.CreateClient();
        fields["client_id"] = ClientId;
        fields["client_secret"] = ClientSecret;
        return await backChannel.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await TokenRequestAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public async Task<HttpResponseMessage> RevokeAsync(string token)
    {
        using var backChannel = App.CreateClient();
        return await backChannel.PostAsync(new Uri("/connect/revoke", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["token_type_hint"] = "refresh_token", ["client_id"] = ClientId, ["client_secret"] = ClientSecret,
        }));
    }

    public async Task<HttpResponseMessage> UserInfoAsync(string accessToken)
    {
        using var backChannel = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return await backChannel.SendAsync(request);
    }

    public static string Text(JsonElement body, string property) => body.GetProperty(property).GetString()!;
}
