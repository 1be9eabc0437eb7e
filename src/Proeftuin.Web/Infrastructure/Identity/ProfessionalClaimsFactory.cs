using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>Adds the professional's display name and discipline to the login cookie (for the audit log and the header).</summary>
public sealed class ProfessionalClaimsFactory(
    UserManager<ProeftuinUser> users,
    RoleManager<ProeftuinRole> roles,
    IOptions<IdentityOptions> options,
    ProeftuinDbContext db)
    : UserClaimsPrincipalFactory<ProeftuinUser, ProeftuinRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ProeftuinUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var professional = await db.Professionals.AsNoTracking().Where(p => p.Id == user.Id).Select(p => new { p.DisplayName, p.Discipline }).FirstOrDefaultAsync();
        if (professional is not null)
        {
            identity.AddClaim(new Claim(ProeftuinClaims.DisplayName, professional.DisplayName));
            identity.AddClaim(new Claim(ProeftuinClaims.Discipline, professional.Discipline.ToString()));
        }

        return identity;
    }
}
