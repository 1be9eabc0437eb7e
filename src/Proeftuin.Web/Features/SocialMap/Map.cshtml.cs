using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.SocialMap;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.SocialMap;

/// <summary>
/// The sociale kaart of a wijk for its members: the services and organisations to call for what (filtered by kind of
/// help and words, from the address so a filter can be shared), and the members, each keeping their own entry.
/// </summary>
public sealed class MapModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, TimeProvider time, ServiceDirectory directory, IStringLocalizer<SocialMapText> text) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public IReadOnlyList<SocialMapRow> Entries { get; private set; } = [];

    public IReadOnlyList<SocialMapService> Services { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "soort")]
    public KindOfHelp? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    public ServiceFilter Filter => new(Kind, Search);

    [BindProperty]
    public string? Practice { get; set; }

    [BindProperty]
    public string? Reach { get; set; }

    [BindProperty]
    public string? Availability { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string T(string key, params object[] values) => text[key, values];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, "read", cancellationToken) is { } denied)
        {
            return denied;
        }

        var mine = await db.SocialMapEntries.AsNoTracking().FirstOrDefaultAsync(e => e.NeighbourhoodId == Neighbourhood.Id && e.ProfessionalId == access.UserId, cancellationToken);
        var organisation = await db.Professionals.Where(p => p.Id == access.UserId).Select(p => p.Organisation).FirstOrDefaultAsync(cancellationToken);
        (Practice, Reach, Availability) = (mine?.Practice ?? organisation, mine?.Reach, mine?.Availability);
        await audit.RecordAsync(new AuditEvent("read", "success", "SocialMap", Neighbourhood.Id.ToString(), Neighbourhood.Id, "Member"), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, "update", cancellationToken) is { } denied)
        {
            return denied;
        }

        // Our own Dutch messages only.
        ModelState.Clear();
        Check(Practice, SocialMapEntry.MaxPracticeLength, nameof(Practice), "ErrorPractice", required: true);
        Check(Reach, SocialMapEntry.MaxReachLength, nameof(Reach), "ErrorReach", required: true);
        Check(Availability, SocialMapEntry.MaxAvailabilityLength, nameof(Availability), "ErrorTooLong", required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entry = await db.SocialMapEntries.FirstOrDefaultAsync(e => e.NeighbourhoodId == Neighbourhood.Id && e.ProfessionalId == access.UserId, cancellationToken);
        if (entry is null)
        {
            entry = new SocialMapEntry(Guid.NewGuid(), Neighbourhood.Id, access.UserId, Practice!, Reach!, Availability, now);
            db.SocialMapEntries.Add(entry);
        }
        else
        {
            entry.Update(Practice!, Reach!, Availability, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "SocialMapEntry", entry.Id.ToString(), Neighbourhood.Id, "Member"), cancellationToken);
        StatusMessage = text["Saved"];
        return RedirectToPage(new { slug });
    }

    private void Check(string? value, int maxLength, string field, string messageKey, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, text[messageKey]);
        }
        else if (value?.Trim().Length > maxLength)
        {
            ModelState.AddModelError(field, text["ErrorTooLong"]);
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, string action, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        if (!await access.IsMemberAsync(neighbourhood.Id, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", "SocialMap", neighbourhood.Id.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        Entries = await (
                from e in db.SocialMapEntries.AsNoTracking()
                join p in db.Professionals.AsNoTracking() on e.ProfessionalId equals p.Id
                where e.NeighbourhoodId == neighbourhood.Id
                orderby p.DisplayName
                select new SocialMapRow(p.DisplayName, p.Discipline, e.Practice, e.Reach, e.Availability, e.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        Services = await directory.ListAsync(neighbourhood.Id, Filter, cancellationToken);
        return null;
    }
}

public sealed record SocialMapRow(string Name, Discipline Discipline, string Practice, string Reach, string? Availability, DateTime UpdatedAtUtc);
