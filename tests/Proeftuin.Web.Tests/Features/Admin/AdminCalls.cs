using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>
/// The administration services called as a page calls them, without the page: in a scope of its own whose request user
/// is a demo account with its real roles, signed in with the second factor (or without, to see the refusal).
/// </summary>
internal static class AdminCalls
{
    public const string Beheerder = "beheer@demo.proeftuin.nl";

    public static async Task<T> AsAsync<TService, T>(this ProeftuinWebFactory factory, string email, Func<TService, Task<T>> call, bool secondFactor = true)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var user = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.Email }).SingleAsync();
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, user.Email!) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (secondFactor)
        {
            claims.Add(new Claim("amr", "mfa"));
        }

        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), RequestServices = scope.ServiceProvider };
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    public static Task<Guid> AccountIdAsync(this ProeftuinWebFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<List<Proeftuin.Core.Audit.AuditEntry>> AuditOfAsync(this ProeftuinWebFactory factory, string objectType, string objectId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ObjectType == objectType && e.ObjectId == objectId).ToListAsync());
}
