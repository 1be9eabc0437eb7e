using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Connect;

public sealed class OpenId_connect_flows(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string RedirectUri = "http://127.0.0.1/callback";

    [Fact]
    public async Task Discovery_document_names_the_endpoints()
    {
        using var client = factory.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>(new Uri("/.well-known/openid-configuration", UriKind.Relative));

        Assert.EndsWith("/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Code_with_pkce_gives_a_token_that_opens_the_api_for_the_member_only()
    {
        var token = await CodeFlowTokenAsync("joost.mulder@demo.proeftuin.nl");
        var (ondiepCase, binnenstadCase) = await CasesAsync();
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var own = await api.GetAsync(new Uri($"/api/cases/{ondiepCase}", UriKind.Relative));
        using var other = await api.GetAsync(new Uri($"/api/cases/{binnenstadCase}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Code_without_the_right_pkce_verifier_is_refused()
    {
        var (code, _) = await AuthorizeAsync("pieter.vandijk@demo.proeftuin.nl");
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "proeftuin-cli", ["code_verifier"] = Verifier(),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Forged_and_foreign_tokens_are_refused_with_401()
    {
        var (ondiepCase, _) = await CasesAsync();
        await using var otherServer = new ProeftuinWebFactory();
        var foreign = await ClientCredentialsTokenAsync(otherServer.CreateClient());
        using var api = factory.CreateClient();

        foreach (var token in new[] { "forged.token.value", foreign })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{ondiepCase}", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Integration_client_gets_a_token_but_no_case_text()
    {
        var (ondiepCase, _) = await CasesAsync();
        var token = await ClientCredentialsTokenAsync(factory.CreateClient());
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await api.GetAsync(new Uri($"/api/cases/{ondiepCase}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<string> CodeFlowTokenAsync(string email)
    {
        var (code, verifier) = await AuthorizeAsync(email);
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "proeftuin-cli", ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A professional signs in (password + TOTP) and the CLI client asks for a code with a PKCE challenge.</summary>
    private async Task<(string Code, string Verifier)> AuthorizeAsync(string email)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await LoginWithoutRedirectsAsync(client, email);
        var verifier = Verifier();
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "proeftuin-cli", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid proeftuin.api",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "abc123",
        });

        using var response = await client.GetAsync(new Uri(query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        var parameters = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("abc123", parameters["state"].ToString());
        return (parameters["code"].ToString(), verifier);
    }

    private static async Task LoginWithoutRedirectsAsync(HttpClient client, string email)
    {
        using var password = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = email, ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var twoFactor = password.Headers.Location!.OriginalString;
        using var code = await BrowserlessLogin.PostFormAsync(client, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = Totp.Code(DemoAccounts.AuthenticatorKey, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
    }

    private static async Task<string> ClientCredentialsTokenAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DemoAppSettings.IntegrationClientId,
            ["client_secret"] = DemoAppSettings.IntegrationClientSecret, ["scope"] = "proeftuin.api",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    private static string Verifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private async Task<(Guid Ondiep, Guid Binnenstad)> CasesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var wijken = await db.Neighbourhoods.ToDictionaryAsync(n => n.Slug, n => n.Id);
        return (
            await db.CaseFiles.Where(c => c.NeighbourhoodId == wijken["ondiep"]).Select(c => c.Id).FirstAsync(),
            await db.CaseFiles.Where(c => c.NeighbourhoodId == wijken["binnenstad"]).Select(c => c.Id).FirstAsync());
    }
}
