using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.OpenApi;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.OpenApi;

/// <summary>The OpenAPI document describes every /api endpoint with its answers and the OpenID Connect scheme.</summary>
public sealed partial class Api_document(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Path = "/openapi/v1.json";

    [Fact]
    public async Task Every_api_endpoint_is_in_the_document_with_the_answers_it_declares()
    {
        using var client = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var document = JsonDocument.Parse(await client.GetStringAsync(Path));
        var paths = document.RootElement.GetProperty("paths");

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? string.Empty).StartsWith("/api", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = Constraint().Replace(endpoint.RoutePattern.RawText!, "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    missing.Add($"{method} {path} is not in the document");
                    continue;
                }

                var responses = operation.GetProperty("responses");
                var declared = endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
                if (declared.Count == 0 && !responses.EnumerateObject().Any())
                {
                    missing.Add($"{method} {path} documents no answer");
                }

                missing.AddRange(declared.Where(code => !responses.TryGetProperty(code, out _)).Select(code => $"{method} {path} lacks answer {code}"));
            }
        }

        Assert.Empty(missing);
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_document_names_the_openid_connect_flows_and_the_api_scope()
    {
        using var client = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var document = JsonDocument.Parse(await client.GetStringAsync(Path));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(OpenApiSetup.SchemeName);
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var code = scheme.GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal("/connect/authorize", code.GetProperty("authorizationUrl").GetString());
        Assert.Equal("/connect/token", code.GetProperty("tokenUrl").GetString());
        Assert.True(code.GetProperty("scopes").TryGetProperty(OpenIdConnectSetup.ApiScope, out _));
        Assert.True(scheme.GetProperty("flows").GetProperty("clientCredentials").GetProperty("scopes").TryGetProperty(OpenIdConnectSetup.ApiScope, out _));
        var requirement = Assert.Single(document.RootElement.GetProperty("security").EnumerateArray());
        Assert.Equal(OpenIdConnectSetup.ApiScope, Assert.Single(requirement.GetProperty(OpenApiSetup.SchemeName).EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Without_signing_in_the_document_is_refused()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(Path);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"status {response.StatusCode}");
    }

    /// <summary>"{themeId:guid}" in a route is "{themeId}" in the document.</summary>
    [GeneratedRegex(@"\{(\w+)(?::[^}]+)?\}")]
    private static partial Regex Constraint();
}
