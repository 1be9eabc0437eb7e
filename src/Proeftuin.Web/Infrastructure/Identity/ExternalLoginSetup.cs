using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Federation with an external OpenID Connect provider: authorization code + PKCE, signed in to Identity's external
/// cookie only. The callback page then links the identity to an invited account and still asks for the local TOTP code
/// (see docs/decisions/0006). Registered only when <c>Authentication:External:Authority</c> is set.
/// </summary>
public static class ExternalLoginSetup
{
    public static IServiceCollection AddProeftuinExternalLogin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var external = configuration.GetSection(ExternalLoginOptions.Section).Get<ExternalLoginOptions>() ?? new ExternalLoginOptions();
        services.AddSingleton(external);
        if (!external.Enabled)
        {
            return services;
        }

        Validate(external, environment);
        services.AddAuthentication().AddOpenIdConnect(external.Scheme, external.DisplayName, options =>
        {
            options.Authority = external.Authority;
            options.ClientId = external.ClientId;
            options.ClientSecret = external.ClientSecret;
            options.RequireHttpsMetadata = external.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = external.CallbackPath;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("email");
            options.Scope.Add("profile");
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;

            // The code comes back as a top-level GET (not a cross-site form post), so the correlation and nonce cookies
            // can be SameSite=Lax; they are Secure whenever the app runs on HTTPS, as the login cookie is.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // A refusal or error at the provider ends on our callback page with a Dutch message, not an exception page.
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/account/external-callback");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    private static void Validate(ExternalLoginOptions external, IHostEnvironment environment)
    {
        if (!Uri.TryCreate(external.Authority, UriKind.Absolute, out _))
        {
            throw new StartupConfigurationException($"De instelling {ExternalLoginOptions.Section}:Authority is geen geldige URL.");
        }

        if (string.IsNullOrWhiteSpace(external.ClientId))
        {
            throw new StartupConfigurationException($"De instelling {ExternalLoginOptions.Section}:ClientId ontbreekt: de client-id bij de externe inlogdienst.");
        }

        if (!external.RequireHttpsMetadata && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new StartupConfigurationException($"De instelling {ExternalLoginOptions.Section}:RequireHttpsMetadata mag alleen in Development uit staan.");
        }
    }
}
