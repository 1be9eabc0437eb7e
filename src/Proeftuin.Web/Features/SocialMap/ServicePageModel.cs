using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.SocialMap;

/// <summary>
/// What the service pages share: the wijk from the address, open to its members only (any role; a refusal is
/// audit-logged), and the texts of the feature.
/// </summary>
public abstract class ServicePageModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, IStringLocalizer<SocialMapText> text) : PageModel
{
    public const string ObjectType = "SocialMapService";

    public Neighbourhood Neighbourhood { get; private set; } = null!;

    protected AuditLog Audit => audit;

    protected Guid UserId => access.UserId;

    public string T(string key, params object[] values) => text[key, values];

    /// <summary>The wijk page's list of services, where every change leads back to.</summary>
    protected string MapUrl => $"/wijken/{Neighbourhood.Slug}/sociale-kaart#diensten";

    protected async Task<IActionResult?> MemberOfAsync(string slug, string action, Guid? serviceId, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        if (!await access.IsMemberAsync(neighbourhood.Id, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", ObjectType, serviceId?.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        return null;
    }

    protected Task RecordAsync(string action, string outcome, Guid? serviceId, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(action, outcome, ObjectType, serviceId?.ToString(), Neighbourhood.Id, "Member"), cancellationToken);
}
