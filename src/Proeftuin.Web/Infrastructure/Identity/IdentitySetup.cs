using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity with cookies. Every page and endpoint needs a user who completed two-factor login (the "amr"
/// claim "mfa"), unless it says otherwise; a user without an authenticator is sent to enrol one.
/// </summary>
public static class IdentitySetup
{
    public const string TwoFactorCompleted = "TwoFactorCompleted";
    public const string PasswordOnly = "PasswordOnly";

    /// <summary>
    /// A beheerder who completed two-factor login. A page or endpoint that names a role uses a policy like this one,
    /// never <c>[Authorize(Roles = …)]</c> alone: that attribute replaces the fallback policy and with it the "amr" check.
    /// </summary>
    public const string AdministratorWithTwoFactor = "AdministratorWithTwoFactor";

    /// <summary>Any authenticated caller of the API: a professional (cookie or token) or an integration client.</summary>
    public const string ApiClient = "ApiClient";

    private const string SingleUseProvider = "SingleUseAuthenticator";

    public static IServiceCollection AddProeftuinIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<ProeftuinUser, ProeftuinRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = false;
                // Every TOTP code works once (login and enrolment): see SingleUseAuthenticatorTokenProvider.
                options.Tokens.AuthenticatorTokenProvider = SingleUseProvider;
            })
            .AddEntityFrameworkStores<ProeftuinDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseProvider)
            .AddPasswordValidator<BreachedPasswordValidator>()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddClaimsPrincipalFactory<ProfessionalClaimsFactory>();

        services.AddOptions<BreachedPasswordOptions>().BindConfiguration(BreachedPasswordOptions.Section);
        services.AddHttpClient(BreachedPasswordValidator.HttpClientName, (provider, client) =>
        {
            var endpoint = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BreachedPasswordOptions>>().Value.Endpoint;
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                client.BaseAddress = new Uri(endpoint.TrimEnd('/') + "/");
            }

            // The API asks for a user agent; padding makes every answer about the same size.
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Proeftuin-Basiszorg-Jeugd-GGZ");
            client.DefaultRequestHeaders.Add("Add-Padding", "true");
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "proeftuin.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Lifetime (30 minutes idle, 12 hours absolute) and the server-side session: Infrastructure/Sessions.

            // The API answers with a status code, not with a redirect to a login page.
            options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(TwoFactorCompleted, policy => policy
                .AddAuthenticationSchemes(OpenIdConnectSetup.ApiSchemes)
                .RequireAuthenticatedUser()
                .RequireClaim("amr", "mfa"))
            .AddPolicy(ApiClient, policy => policy
                .AddAuthenticationSchemes(OpenIdConnectSetup.ApiSchemes)
                .RequireAuthenticatedUser())
            .AddPolicy(AdministratorWithTwoFactor, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim("amr", "mfa")
                .RequireRole(GlobalRoles.Administrator))
            .AddPolicy(PasswordOnly, policy => policy.RequireAuthenticatedUser())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim("amr", "mfa").Build());

        return services;
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
