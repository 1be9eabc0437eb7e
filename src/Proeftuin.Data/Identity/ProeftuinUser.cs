using Microsoft.AspNetCore.Identity;

namespace Proeftuin.Data.Identity;

/// <summary>
/// The login account. Its id equals the <see cref="Core.Professionals.Professional"/> id, so the domain never needs to
/// know about passwords, lockout or two-factor keys.
/// </summary>
public sealed class ProeftuinUser : IdentityUser<Guid>
{
}
