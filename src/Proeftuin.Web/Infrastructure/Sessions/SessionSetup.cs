using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>
/// Browser sessions: kept on the server (<see cref="DatabaseTicketStore"/>), 30 minutes idle (sliding) and 12 hours
/// absolute from the sign-in (the time is kept in the ticket and checked on every request); the security stamp is
/// checked every minute, so a change made elsewhere (another node, the CLI) ends the session soon as well. Hub
/// connections are registered and re-checked (<see cref="LiveConnections"/>). See docs/decisions/0013.
/// </summary>
public static class SessionSetup
{
    public static IServiceCollection AddProeftuinSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>()
            .BindConfiguration(SessionOptions.Section)
            .Validate(o => o.IdleMinutes > 0 && o.AbsoluteHours > 0 && o.LiveCheckSeconds > 0, "De instellingen Sessions:IdleMinutes, :AbsoluteHours en :LiveCheckSeconds moeten groter dan 0 zijn.")
            .ValidateOnStart();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveConnectionFilter>();
        services.AddHostedService<LiveConnectionCheck>();
        services.AddScoped<AccountSessions>();
        services.Configure<HubOptions>(options => options.AddFilter<LiveConnectionFilter>());

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = KeepTwoFactorClaim;
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<SessionOptions>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.Value.Idle;
                cookie.SlidingExpiration = true;

                var signingIn = cookie.Events.OnSigningIn;
                cookie.Events.OnSigningIn = context =>
                {
                    DatabaseTicketStore.MarkSignedIn(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                    return signingIn(context);
                };

                var validate = cookie.Events.OnValidatePrincipal;
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                    if (DatabaseTicketStore.SignedInOf(context.Properties) is not { } signedIn || now - signedIn >= sessions.Value.Absolute)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }

                    await validate(context);
                };
            });
        return services;
    }

    /// <summary>A refreshed principal (new security stamp check) keeps the proof of the second factor of the sign-in it continues.</summary>
    private static Task KeepTwoFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var amr in current.FindAll("amr").Where(c => !identity.HasClaim("amr", c.Value)))
            {
                identity.AddClaim(new Claim("amr", amr.Value));
            }
        }

        return Task.CompletedTask;
    }
}
