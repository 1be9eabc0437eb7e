using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>Accounts of a test's own, so no other browser test sees what it changes.</summary>
public static class TestAccounts
{
    /// <summary>An account like the demo ones (demo password and authenticator key), member of <paramref name="neighbourhood"/>.</summary>
    public static async Task<Guid> CreateAsync(BrowserSession session, string email, string name, string neighbourhood)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var user = new ProeftuinUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, LockoutEnabled = true, TwoFactorEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<ProeftuinUser>().HashPassword(user, DemoAccounts.Password);
        db.Users.Add(user);
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = DemoAccounts.AuthenticatorKey });
        var professional = new Professional(user.Id, name, email, Discipline.FamilyWorker, "Buurtteam");
        professional.JoinNeighbourhood(await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync(), MembershipRole.Member);
        db.Professionals.Add(professional);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
