using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Infrastructure.Security;

/// <summary>Attempts per client address and window (section <c>RateLimits:Login</c>).</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "RateLimits:Login";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits login attempts per client address: lockout protects one account, this slows down guessing over many accounts
/// (and mail flooding through "wachtwoord vergeten"). Counted are POSTs to the login, two-factor, forgot-password and
/// set-password pages, and every request to the external login's callbacks. A rejected request gets 429 with
/// Retry-After and a Dutch ProblemDetails. A global limiter, so the OIDC handler's callback path (not an endpoint) counts too.
/// </summary>
public static class LoginRateLimiting
{
    private static readonly PathString[] LimitedPosts = ["/account/login", "/account/two-factor", "/account/forgot-password", "/account/set-password"];

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetSection(LoginRateLimitOptions.Section).Get<LoginRateLimitOptions>() ?? new LoginRateLimitOptions();
        if (limit.PermitLimit < 1 || limit.WindowSeconds < 1)
        {
            throw new StartupConfigurationException($"De instellingen {LoginRateLimitOptions.Section}:PermitLimit en :WindowSeconds moeten groter dan 0 zijn.");
        }

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => new ValueTask(RejectAsync(context, limit));
        });
        return services;
    }

    private static bool IsLoginAttempt(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals("/account/external-callback"))
        {
            return true;
        }

        var external = context.RequestServices.GetRequiredService<ExternalLoginOptions>();
        if (external.Enabled && path.Equals(external.CallbackPath))
        {
            return true;
        }

        return HttpMethods.IsPost(context.Request.Method) && LimitedPosts.Any(p => path.Equals(p));
    }

    private static Task RejectAsync(OnRejectedContext context, LoginRateLimitOptions limit)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : limit.WindowSeconds;
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(CultureInfo.InvariantCulture);
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: text["TooManyAttemptsTitle"],
                detail: text["TooManyAttempts"],
                type: "https://proeftuin.nl/problems/too-many-attempts")
            .ExecuteAsync(context.HttpContext);
    }
}
