using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Features.Account;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Connect;

/// <summary>What a relying party reads and ends: userinfo by scope, revocation, end-session, and logout here.</summary>
public sealed class Userinfo_revocation_and_end_session(ConfidentialClient client) : IClassFixture<ConfidentialClient>
{
    [Fact]
    public async Task Userinfo_names_the_professional_within_the_granted_scopes()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "kevin.smit@demo.proeftuin.nl");
        var full = await client.TokensAsync(browser, "openid profile email");
        var bare = await client.TokensAsync(browser, "openid");

        using var fullInfo = await client.UserInfoAsync(ConfidentialClient.Text(full, "access_token"));
        using var bareInfo = await client.UserInfoAsync(ConfidentialClient.Text(bare, "access_token"));
        var claims = await fullInfo.Content.ReadFromJsonAsync<JsonElement>();
        var minimal = await bareInfo.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Kevin Smit", ConfidentialClient.Text(claims, "name"));
        Assert.Equal("kevin.smit@demo.proeftuin.nl", ConfidentialClient.Text(claims, "email"));
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.Equal(ConfidentialClient.Text(claims, "sub"), ConfidentialClient.Text(minimal, "sub"));
        Assert.False(minimal.TryGetProperty("email", out _));
        Assert.False(minimal.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_client_credentials_token_gets_no_userinfo()
    {
        var token = await Tokens.ForIntegrationAsync(client.App.CreateClient());

        using var info = await client.UserInfoAsync(token);

        Assert.NotEqual(HttpStatusCode.OK, info.StatusCode);
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_refreshes()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "youssef.benali@demo.proeftuin.nl");
        var refreshToken = ConfidentialClient.Text(await client.TokensAsync(browser), "refresh_token");

        using var revoked = await client.RevokeAsync(refreshToken);
        using var refreshed = await client.RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
    }

    [Fact]
    public async Task Logging_out_here_revokes_the_tokens_the_clients_hold()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "lotte.degraaf@demo.proeftuin.nl");
        var tokens = await client.TokensAsync(browser);
        using var before = await client.UserInfoAsync(ConfidentialClient.Text(tokens, "access_token"));

        using var logout = await BrowserlessLogin.PostFormAsync(browser, "/account/logout", new Dictionary<string, string>());
        using var after = await client.UserInfoAsync(ConfidentialClient.Text(tokens, "access_token"));
        using var refreshed = await client.RefreshAsync(ConfidentialClient.Text(tokens, "refresh_token"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
    }

    [Fact]
    public async Task End_session_with_the_id_token_signs_out_revokes_and_returns_to_the_client()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "daan.bakker@demo.proeftuin.nl");
        var tokens = await client.TokensAsync(browser);

        using var ended = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = ConfidentialClient.Text(tokens, "id_token"), ["post_logout_redirect_uri"] = ConfidentialClient.PostLogoutRedirectUri, ["state"] = "bye-1",
        }), UriKind.Relative));
        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var refreshed = await client.RefreshAsync(ConfidentialClient.Text(tokens, "refresh_token"));

        var back = FederatedApps.RedirectOf(ended);
        Assert.Equal(ConfidentialClient.PostLogoutRedirectUri, back.GetLeftPart(UriPartial.Path));
        Assert.Equal("bye-1", QueryHelpers.ParseQuery(back.Query)["state"].ToString());
        Assert.Contains("/account/login", FederatedApps.RedirectOf(home).ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
    }

    [Fact]
    public async Task End_session_without_proof_of_whose_session_asks_the_professional_instead()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "ruud.jansen@demo.proeftuin.nl");
        var tokens = await client.TokensAsync(browser);

        using var ended = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["post_logout_redirect_uri"] = ConfidentialClient.PostLogoutRedirectUri,
        }), UriKind.Relative));
        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var refreshed = await client.RefreshAsync(ConfidentialClient.Text(tokens, "refresh_token"));

        Assert.Equal("/account/logout", FederatedApps.PathOf(FederatedApps.RedirectOf(ended)));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task End_session_refuses_a_post_logout_redirect_uri_the_client_did_not_register()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "ingrid.meijer@demo.proeftuin.nl");
        var tokens = await client.TokensAsync(browser);

        using var ended = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = ConfidentialClient.Text(tokens, "id_token"), ["post_logout_redirect_uri"] = "http://evil.example/",
        }), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
        Assert.Null(ended.Headers.Location);
    }
}
