using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.SocialMap;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.SocialMap;

/// <summary>
/// A member adds a service or organisation to the wijk's sociale kaart, or changes one. A form based on a version
/// someone else has since changed saves nothing and shows theirs beside it.
/// </summary>
public sealed class ServiceModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, ServiceDirectory directory, IStringLocalizer<SocialMapText> text)
    : ServicePageModel(db, access, audit, text)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public KindOfHelp? Kind { get; set; }

    [BindProperty]
    public string? HowToRefer { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? OpeningHours { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public Guid? Id { get; private set; }

    /// <summary>Set when the form was based on an older version: the current one is shown beside the form.</summary>
    public SocialMapService? Current { get; private set; }

    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken cancellationToken)
    {
        if (await MemberOfAsync(slug, "read", id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Id = id;
        if (id is null)
        {
            return Page();
        }

        if (await directory.FindAsync(Neighbourhood.Id, id.Value, cancellationToken) is not { } service)
        {
            return NotFound();
        }

        (Name, Kind, HowToRefer, Phone, Website, OpeningHours, Description, Version) =
            (service.Name, service.KindOfHelp, service.HowToRefer, service.Phone, service.Website, service.OpeningHours, service.Description, service.Version);
        await RecordAsync("read", "success", id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken cancellationToken)
    {
        var action = id is null ? "create" : "update";
        if (await MemberOfAsync(slug, action, id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Id = id;
        // Only our own messages: the binder's English ones ("The value 'x' is not valid") would not help anyone.
        ModelState.Clear();
        Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "ErrorServiceName");
        Require(Kind is { } kind && Enum.IsDefined(kind), nameof(Kind), "ErrorServiceKind");
        Require(!string.IsNullOrWhiteSpace(HowToRefer), nameof(HowToRefer), "ErrorHowToRefer");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new ServiceInput(Name, Kind, HowToRefer, Phone, Website, OpeningHours, Description);
        switch (await directory.SaveAsync(Neighbourhood.Id, id, Version, input, UserId, cancellationToken))
        {
            case ServiceChange.Saved saved:
                await RecordAsync(action, "success", saved.Service.Id, cancellationToken);
                TempData[nameof(MapModel.StatusMessage)] = T(id is null ? "ServiceAdded" : "ServiceSaved", saved.Service.Name);
                return Redirect(MapUrl);
            case ServiceChange.Refused refused:
                await RecordAsync(action, "denied", id, cancellationToken);
                GuardFindings = GuardForm.Refuse(this, refused.Verdict, new Dictionary<string, string>
                {
                    [nameof(Name)] = Name ?? string.Empty, [nameof(HowToRefer)] = HowToRefer ?? string.Empty,
                    [nameof(OpeningHours)] = OpeningHours ?? string.Empty, [nameof(Description)] = Description ?? string.Empty,
                });
                return Page();
            case ServiceChange.Invalid invalid:
                ModelState.AddModelError(FieldOf(invalid.Error.Code), invalid.Error.MessageFor(HttpContext));
                return Page();
            case ServiceChange.Stale stale:
                await RecordAsync(action, "conflict", id, cancellationToken);
                Current = stale.Current;
                ModelState.AddModelError(string.Empty, T("ErrorServiceStale"));
                // The member's own entries stay in the form; saving again deliberately overwrites the newer version.
                Version = stale.Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private static string FieldOf(string code) => code switch
    {
        "socialmap.service.name" => nameof(Name),
        "socialmap.service.kind" => nameof(Kind),
        "socialmap.service.refer" => nameof(HowToRefer),
        "socialmap.service.phone" => nameof(Phone),
        "socialmap.service.website" => nameof(Website),
        "socialmap.service.hours" => nameof(OpeningHours),
        "socialmap.service.description" => nameof(Description),
        _ => string.Empty,
    };

    private void Require(bool valid, string field, string messageKey)
    {
        if (!valid)
        {
            ModelState.AddModelError(field, T(messageKey));
        }
    }
}
