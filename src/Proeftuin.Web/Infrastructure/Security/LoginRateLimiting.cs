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
/// (and mail flooding through "wachtwoord vergeten"). The limit is attached to the pages themselves
/// (<c>[EnableRateLimiting(LoginRateLimiting.Policy)]</c> on the login, two-factor, forgot-password, set-password and
/// external-callback pages), so it holds for every spelling of their routes (a trailing slash, other casing). On those
/// pages POSTs count, and every request to a page marked <see cref="CountEveryRequestAttribute"/>. The external
/// provider's own callback path is not an endpoint (the OIDC handler answers it in the authentication middleware), so a
/// global limiter counts the requests that the handler takes for its callback, matched exactly as the handler does.
/// A rejected request gets 429 with Retry-After and a Dutch ProblemDetails.
/// </summary>
public static class LoginRateLimiting
{
    public const string Policy = "login";

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetSection(LoginRateLimitOptions.Section).Get<LoginRateLimitOptions>() ?? new LoginRateLimitOptions();
        if (limit.PermitLimit < 1 || limit.WindowSeconds < 1)
        {
            throw new StartupConfigurationException($"De instellingen {LoginRateLimitOptions.Section}:PermitLimit en :WindowSeconds moeten groter dan 0 zijn.");
        }

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => IsLoginAttempt(context) ? PerAddress(context, limit) : RateLimitPartition.GetNoLimiter("none"));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExternalHandlerCallback(context) ? PerAddress(context, limit) : RateLimitPartition.GetNoLimiter("none"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => new ValueTask(RejectAsync(context, limit));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, LoginRateLimitOptions limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0 });

    private static bool IsLoginAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<CountEveryRequestAttribute>() is not null;

    /// <summary>The OIDC handler takes a request as its callback when the path equals its CallbackPath (PathString equality, case-insensitive).</summary>
    private static bool IsExternalHandlerCallback(HttpContext context)
    {
        var external = context.RequestServices.GetRequiredService<ExternalLoginOptions>();
        return external.Enabled && context.Request.Path.Equals(external.CallbackPath, StringComparison.OrdinalIgnoreCase);
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

/// <summary>On a page with the login rate limit: every request counts, not only POSTs (the external login's callback page).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CountEveryRequestAttribute : Attribute;
