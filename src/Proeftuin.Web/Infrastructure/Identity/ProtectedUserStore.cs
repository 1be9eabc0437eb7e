using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Identity's EF Core user store, with the second factor's secrets protected at rest: the authenticator key is
/// encrypted with data protection (the key ring the app already shares between nodes), recovery codes are kept only as
/// SHA-256 hashes bound to the account. Values written before (the demo accounts' key, plain codes) are still read, and
/// are replaced by protected ones the next time they are written.
/// </summary>
public sealed class ProtectedUserStore(ProeftuinDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<ProeftuinUser, ProeftuinRole, ProeftuinDbContext, Guid>(context, describer)
{
    // Where Identity's own store keeps these tokens, so existing rows are found.
    private const string StoreProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyToken = "AuthenticatorKey";
    private const string RecoveryCodesToken = "RecoveryCodes";
    private const string ProtectedPrefix = "dp1:";
    private const string HashedPrefix = "sha256:";

    private readonly IDataProtector _keys = protection.CreateProtector("Proeftuin.AuthenticatorKeys.v1");

    public override Task SetAuthenticatorKeyAsync(ProeftuinUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, StoreProvider, AuthenticatorKeyToken, ProtectedPrefix + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(ProeftuinUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, StoreProvider, AuthenticatorKeyToken, cancellationToken);
        return stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? _keys.Unprotect(stored[ProtectedPrefix.Length..]) : stored;
    }

    public override Task ReplaceCodesAsync(ProeftuinUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, StoreProvider, RecoveryCodesToken, string.Join(';', recoveryCodes.Select(code => Hash(user, code))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(ProeftuinUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var codes = (await GetTokenAsync(user, StoreProvider, RecoveryCodesToken, cancellationToken) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hashed = Hash(user, code);
        var index = codes.FindIndex(stored => stored.StartsWith(HashedPrefix, StringComparison.Ordinal) ? SameText(stored, hashed) : SameText(stored, code));
        if (index < 0)
        {
            return false;
        }

        codes.RemoveAt(index);
        await SetTokenAsync(user, StoreProvider, RecoveryCodesToken, string.Join(';', codes), cancellationToken);
        return true;
    }

    /// <summary>Recovery codes are random (about 50 bits); bound to the account so equal codes of two accounts differ.</summary>
    private static string Hash(ProeftuinUser user, string code) =>
        HashedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Id:N}:{code}")));

    private static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
