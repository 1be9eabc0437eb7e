using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Connect;

public sealed class OpenId_connect_flows(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
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
        var token = await Tokens.ForProfessionalAsync(factory, "joost.mulder@demo.proeftuin.nl");
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
        var (code, _) = await Tokens.AuthorizeAsync(factory, "pieter.vandijk@demo.proeftuin.nl");
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Tokens.RedirectUri, ["client_id"] = "proeftuin-cli", ["code_verifier"] = Tokens.Verifier(),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Forged_and_foreign_tokens_are_refused_with_401()
    {
        var (ondiepCase, _) = await CasesAsync();
        await using var otherServer = new ProeftuinWebFactory();
        var foreign = await Tokens.ForIntegrationAsync(otherServer.CreateClient());
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
        var token = await Tokens.ForIntegrationAsync(factory.CreateClient());
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await api.GetAsync(new Uri($"/api/cases/{ondiepCase}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid Ondiep, Guid Binnenstad)> CasesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoods = await db.Neighbourhoods.ToDictionaryAsync(n => n.Slug, n => n.Id);
        return (
            await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhoods["ondiep"]).Select(c => c.Id).FirstAsync(),
            await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhoods["binnenstad"]).Select(c => c.Id).FirstAsync());
    }
}
