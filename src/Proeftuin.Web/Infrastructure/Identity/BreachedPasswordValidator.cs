using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Refuses a new password that appears in known data breaches (ASVS V2.1.7), asked of a Pwned Passwords range API by
/// k-anonymity: only the first five characters of the password's SHA-1 leave the server, the answer lists every breached
/// hash with that prefix (padded, so its size says nothing either) and the match is made here. When the service cannot
/// be reached in time the password is judged by the other rules alone and a warning is logged: a breach list that is
/// down must not lock professionals out of their account (ADR 9).
/// </summary>
public sealed partial class BreachedPasswordValidator(
    IHttpClientFactory clients, IOptions<BreachedPasswordOptions> options, ILogger<BreachedPasswordValidator> logger) : IPasswordValidator<ProeftuinUser>
{
    public const string HttpClientName = "breached-passwords";

    public static IdentityError Breached => new()
    {
        Code = "PasswordBreached",
        Description = "Dit wachtwoord komt voor in bekende datalekken en is daardoor te raden. Kies een ander wachtwoord.",
    };

    public async Task<IdentityResult> ValidateAsync(UserManager<ProeftuinUser> manager, ProeftuinUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || !options.Value.IsEnabled)
        {
            return IdentityResult.Success;
        }

        var hash = Sha1Hex(password);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var body = await clients.CreateClient(HttpClientName).GetStringAsync(new Uri($"range/{hash[..5]}", UriKind.Relative), timeout.Token);
            return Contains(body, hash[5..]) ? IdentityResult.Failed(Breached) : IdentityResult.Success;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            LogUnavailable(logger, options.Value.Endpoint, ex.Message);
            return IdentityResult.Success;
        }
    }

    /// <summary>Whether the range answer ("SUFFIX:COUNT" per line; padding lines have count 0) lists this suffix as breached.</summary>
    public static bool Contains(string rangeBody, string suffix)
    {
        foreach (var line in rangeBody.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0
                && line[..colon].Trim().Equals(suffix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The protocol's hash: SHA-1 of the UTF-8 password, upper-case hex. Used for a lookup key, not for protecting anything.</summary>
#pragma warning disable CA5350 // The Pwned Passwords range API is keyed by SHA-1; nothing is stored or verified with it.
    public static string Sha1Hex(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breached-password check at {Endpoint} unavailable ({Reason}); the password was judged by the other rules only.")]
    private static partial void LogUnavailable(ILogger logger, string? endpoint, string reason);
}

/// <summary>Where the breach list is asked (empty: no check) and how long a password change may wait for it.</summary>
public sealed class BreachedPasswordOptions
{
    public const string Section = "Security:BreachedPasswords";

    /// <summary>Base address of a Pwned Passwords range API, e.g. https://api.pwnedpasswords.com/ or an own mirror.</summary>
    public string? Endpoint { get; set; }

    public int TimeoutSeconds { get; set; } = 3;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}
