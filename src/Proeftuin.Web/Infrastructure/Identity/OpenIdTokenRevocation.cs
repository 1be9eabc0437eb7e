using OpenIddict.Abstractions;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Ends what OpenID Connect clients hold on behalf of a professional when their session ends (logout, end-session,
/// password change, lockout): every authorization and every token of that subject is revoked in the database. Refresh
/// tokens are refused at the token endpoint from then on, and access tokens at the API and at userinfo, because both
/// check a token's entry on every use (<see cref="OpenIdConnectSetup"/>). Tokens are revoked by subject, not per
/// browser session: a token does not know which cookie session granted it, and ending a session must not leave a
/// client with a way back in.
/// </summary>
public sealed partial class OpenIdTokenRevocation(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, AuditLog audit, ILogger<OpenIdTokenRevocation> logger)
{
    /// <summary>Revokes all authorizations and tokens of <paramref name="userId"/>; <paramref name="reason"/> goes to the audit log.</summary>
    public async Task RevokeForUserAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
    {
        var subject = userId.ToString();
        var grants = await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        var revoked = await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        if (grants + revoked > 0)
        {
            Revoked(logger, grants, revoked, reason);
            await audit.RecordAsync(new AuditEvent("token-revoke", "success", "Account", subject, UserId: userId));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Authorizations} OpenID Connect authorizations and {Tokens} tokens of a user ({Reason})")]
    private static partial void Revoked(ILogger logger, long authorizations, long tokens, string reason);
}
