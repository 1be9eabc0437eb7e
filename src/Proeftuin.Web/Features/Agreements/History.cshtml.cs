using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Agreements;

/// <summary>The versions of one wijkafspraak, newest first, for every member of its wijk (like the register).</summary>
public sealed class HistoryModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, IStringLocalizer<AgreementText> text) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public NeighbourhoodAgreement Agreement { get; private set; } = null!;

    public IReadOnlyList<RevisionView> Revisions { get; private set; } = [];

    public string T(string key, params object[] values) => text[key, values];

    /// <summary>dd-mm-jjjj HH:mm in Utrecht's time, whatever the server's zone.</summary>
    public static string When(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, AmsterdamTime.Zone).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        var role = await access.RoleInAsync(neighbourhood.Id, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "AgreementHistory", id.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        var agreement = await db.NeighbourhoodAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.NeighbourhoodId == neighbourhood.Id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }

        Neighbourhood = neighbourhood;
        Agreement = agreement;
        Revisions = await AgreementHistory.OfAsync(db, agreement, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "AgreementHistory", id.ToString(), neighbourhood.Id, role == MembershipRole.Chair ? "Chair" : "Member"), cancellationToken);
        return Page();
    }
}
