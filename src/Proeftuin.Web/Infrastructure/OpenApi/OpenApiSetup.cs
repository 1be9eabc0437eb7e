using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Proeftuin.Web.Infrastructure.Identity;
using Scalar.AspNetCore;

namespace Proeftuin.Web.Infrastructure.OpenApi;

/// <summary>
/// The JSON API described for integrations: an OpenAPI document of every <c>/api</c> endpoint at
/// <c>/openapi/v1.json</c> with the OpenID Connect scheme and scopes of our clients, and a reference page (Scalar) in
/// Development. Only for signed-in professionals or tokens, like the API itself.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/{documentName}.json";

    public const string SchemeName = "openid-connect";

    public static IServiceCollection AddProeftuinOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(DescribeAsync);
        });

    public static WebApplication MapProeftuinOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).RequireAuthorization(IdentitySetup.TwoFactorCompleted);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference("/api-docs", options => options.WithOpenApiRoutePattern(DocumentPath).WithTitle("Proeftuin API"))
                .RequireAuthorization(IdentitySetup.TwoFactorCompleted);
        }

        return app;
    }

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Proeftuin API",
            Version = DocumentName,
            Description = "The JSON API of Proeftuin. Every call needs a token from our OpenID Connect provider (authorization code with PKCE for people, client credentials for integrations) or a signed-in browser session with two-factor login; answers are limited to the caller's wijken. Errors are RFC 9457 problem details in Dutch.",
        };
        var scopes = new Dictionary<string, string>
        {
            ["openid"] = "Who you are",
            ["profile"] = "Your name",
            ["email"] = "Your e-mail address",
            ["offline_access"] = "A refresh token (confidential clients only)",
            [OpenIdConnectSetup.ApiScope] = "The Proeftuin API",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Bearer tokens from /connect/token; discovery at /.well-known/openid-configuration.",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = scopes,
                },
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { [OpenIdConnectSetup.ApiScope] = "The Proeftuin API" },
                },
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [OpenIdConnectSetup.ApiScope] },
        ];
        return Task.CompletedTask;
    }
}
