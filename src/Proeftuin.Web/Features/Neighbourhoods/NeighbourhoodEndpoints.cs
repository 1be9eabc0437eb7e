using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Neighbourhoods;

/// <summary>
/// The wijken a user works in, with their role there. Coordinators and beheerders see every wijk by name (they compile
/// and manage across wijken), without a membership role: that role alone opens no case text.
/// </summary>
public static class NeighbourhoodEndpoints
{
    public static RouteGroupBuilder MapNeighbourhoods(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/neighbourhoods")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Neighbourhoods");
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<NeighbourhoodDto>>> ListAsync(
        ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.ProfessionalId == access.UserId)
            .ToDictionaryAsync(m => m.NeighbourhoodId, m => m.Role.ToString(), cancellationToken);
        var seesAll = access.IsCoordinator || access.IsAdministrator;
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .Where(n => seesAll || memberships.Keys.Contains(n.Id))
            .OrderBy(n => n.Name)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "NeighbourhoodList"), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NeighbourhoodDto>>(
            [.. neighbourhoods.Select(n => new NeighbourhoodDto(n.Id, n.Name, n.Slug, n.CaseCodePrefix, memberships.GetValueOrDefault(n.Id)))]);
    }
}

/// <summary>A wijk; <paramref name="Role"/> is the caller's membership role there (Member, Chair) or null.</summary>
public sealed record NeighbourhoodDto(Guid Id, string Name, string Slug, string CaseCodePrefix, string? Role);
