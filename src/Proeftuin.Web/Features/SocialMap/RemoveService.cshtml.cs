using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.SocialMap;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.SocialMap;

/// <summary>
/// Removing a service asks first: the page names it, and only the button on it removes. What was confirmed is what
/// goes: a service changed since the page was opened is not removed, the page shows it again.
/// </summary>
public sealed class RemoveServiceModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, ServiceDirectory directory, IStringLocalizer<SocialMapText> text)
    : ServicePageModel(db, access, audit, text)
{
    public SocialMapService Service { get; private set; } = null!;

    public bool Changed { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await MemberOfAsync(slug, "read", id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await directory.FindAsync(Neighbourhood.Id, id, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        (Service, Version) = (service, service.Version);
        await RecordAsync("read", "success", id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await MemberOfAsync(slug, "delete", id, cancellationToken) is { } denied)
        {
            return denied;
        }

        switch (await directory.RemoveAsync(Neighbourhood.Id, id, Version, cancellationToken))
        {
            case ServiceChange.Saved removed:
                await RecordAsync("delete", "success", id, cancellationToken);
                TempData[nameof(MapModel.StatusMessage)] = T("ServiceRemoved", removed.Service.Name);
                return Redirect(MapUrl);
            case ServiceChange.Stale stale:
                await RecordAsync("delete", "conflict", id, cancellationToken);
                (Service, Version, Changed) = (stale.Current, stale.Current.Version, true);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }
}
