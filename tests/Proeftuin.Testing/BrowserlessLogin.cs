using System.Net;
using System.Text.RegularExpressions;

namespace Proeftuin.Testing;

/// <summary>
/// Logs in through the real pages with an HttpClient that keeps cookies: the login form (with its anti-forgery
/// token), then the two-factor form with a TOTP code computed from the account's authenticator key.
/// </summary>
public static partial class BrowserlessLogin
{
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields) =>
        PostFormAsync(client, path, path, fields);

    /// <summary>Reads the anti-forgery token from <paramref name="pagePath"/> and posts the fields to <paramref name="actionPath"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string actionPath, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(actionPath, UriKind.Relative), content);
    }

    /// <summary>
    /// Password, then a TOTP code not used before on <paramref name="server"/> (the factory or host the client talks
    /// to; codes work once), for the time of <paramref name="clock"/> (the server's, when a test moves it): returns the response of the page the login lands on.
    /// </summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string authenticatorKey, object server, TimeProvider? clock = null)
    {
        using var afterPassword = await PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        if (afterPassword.StatusCode != HttpStatusCode.OK || !afterPassword.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Login of {email} did not reach the two-factor step: {afterPassword.RequestMessage?.RequestUri}");
        }

        return await PostFormAsync(client, "/account/two-factor", new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(authenticatorKey, server, clock, email) });
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token on the page.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
