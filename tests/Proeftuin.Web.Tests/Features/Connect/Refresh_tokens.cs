using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Connect;

/// <summary>Refresh tokens (offline_access) for a confidential client: rotated on every use, the old one refused at once.</summary>
public sealed class Refresh_tokens(ConfidentialClient client) : IClassFixture<ConfidentialClient>
{
    [Fact]
    public async Task Discovery_advertises_userinfo_end_session_revocation_and_the_refresh_token_grant()
    {
        using var http = client.App.CreateClient();

        var discovery = await http.GetFromJsonAsync<JsonElement>(new Uri("/.well-known/openid-configuration", UriKind.Relative));

        Assert.EndsWith("/connect/userinfo", ConfidentialClient.Text(discovery, "userinfo_endpoint"), StringComparison.Ordinal);
        Assert.EndsWith("/connect/endsession", ConfidentialClient.Text(discovery, "end_session_endpoint"), StringComparison.Ordinal);
        Assert.EndsWith("/connect/revoke", ConfidentialClient.Text(discovery, "revocation_endpoint"), StringComparison.Ordinal);
        Assert.Contains("refresh_token", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("offline_access", discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_refresh_gives_a_new_refresh_token_and_the_old_one_is_refused()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "marieke.bos@demo.proeftuin.nl");
        var first = await client.TokensAsync(browser);
        var original = ConfidentialClient.Text(first, "refresh_token");

        using var refreshed = await client.RefreshAsync(original);
        var second = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        using var replayed = await client.RefreshAsync(original);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(original, ConfidentialClient.Text(second, "refresh_token"));
        Assert.NotEqual(ConfidentialClient.Text(first, "access_token"), ConfidentialClient.Text(second, "access_token"));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_grant", ConfidentialClient.Text(await replayed.Content.ReadFromJsonAsync<JsonElement>(), "error"));
    }

    [Fact]
    public async Task Replaying_an_old_refresh_token_revokes_the_new_one_too()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "fatima.elamrani@demo.proeftuin.nl");
        var original = ConfidentialClient.Text(await client.TokensAsync(browser), "refresh_token");
        using var refreshed = await client.RefreshAsync(original);
        var rotated = ConfidentialClient.Text(await refreshed.Content.ReadFromJsonAsync<JsonElement>(), "refresh_token");

        using var replayed = await client.RefreshAsync(original);
        using var afterReplay = await client.RefreshAsync(rotated);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterReplay.StatusCode);
    }

    [Fact]
    public async Task A_refresh_after_a_password_change_is_refused()
    {
        const string email = "sanne.visser@demo.proeftuin.nl";
        using var browser = client.Browser();
        await client.SignInAsync(browser, email);
        var refreshToken = ConfidentialClient.Text(await client.TokensAsync(browser), "refresh_token");
        await using (var scope = client.App.Services.CreateAsyncScope())
        {
            // What a password change does to the account: a new security stamp.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!);
        }

        using var refreshed = await client.RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", ConfidentialClient.Text(await refreshed.Content.ReadFromJsonAsync<JsonElement>(), "error"));
    }

    [Fact]
    public async Task Without_offline_access_there_is_no_refresh_token()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "pieter.vandijk@demo.proeftuin.nl");

        var tokens = await client.TokensAsync(browser, "openid profile");

        Assert.False(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task The_public_command_line_client_gets_no_offline_access()
    {
        using var browser = client.Browser();
        await client.SignInAsync(browser, "esra.yilmaz@demo.proeftuin.nl");
        var (path, _) = ConfidentialClient.AuthorizationRequest("openid offline_access", "proeftuin-cli", Tokens.RedirectUri);

        using var authorized = await browser.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, authorized.StatusCode);
        Assert.Null(authorized.Headers.Location);
        Assert.Contains("offline_access", await authorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
