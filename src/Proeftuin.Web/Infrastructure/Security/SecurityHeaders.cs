using System.Security.Cryptography;

namespace Proeftuin.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts from our own origin only (no inline script,
/// no CDN; the browser bundle is built locally by esbuild) and styles from our own origin plus one nonce per
/// response: the editor (CodeMirror) writes its base styles into a &lt;style&gt; element carrying that nonce.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "proeftuin.style-nonce";

    public static string ContentSecurityPolicy(string styleNonce) =>
        "default-src 'self'; script-src 'self'; " + $"style-src 'self' 'nonce-{styleNonce}'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>This response's style nonce, for a page that hands it to the editor.</summary>
    public static string StyleNonce(HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Pages and API answers hold personal data: never cached. Only the bundled assets may be.
            context.Response.OnStarting(() =>
            {
                if (!context.Request.Path.StartsWithSegments("/dist", StringComparison.Ordinal) && !context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
