using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// Accounts exist only by invitation: a beheerder enters the e-mail address, name, discipline and wijk; the invitee
/// gets a link to set a password, then enrols two-factor authentication at first login.
/// </summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class InviteModel(
    ProeftuinDbContext db,
    UserManager<ProeftuinUser> users,
    InvitationMail invitation,
    AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Discipline Discipline { get; set; } = Discipline.GeneralPractitioner;

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty]
    public MembershipRole Role { get; set; } = MembershipRole.Member;

    [BindProperty]
    public string? GlobalRole { get; set; }

    public IReadOnlyList<Neighbourhood> Neighbourhoods { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (GlobalRole is not (null or "" or GlobalRoles.Coordinator or GlobalRoles.Administrator)
            || (NeighbourhoodId is { } chosen && !Neighbourhoods.Any(n => n.Id == chosen))
            || (NeighbourhoodId is null && string.IsNullOrEmpty(GlobalRole)))
        {
            Error = text["InviteNeedsScope"];
            return Page();
        }

        var email = Email?.Trim() ?? string.Empty;
        if (await users.FindByEmailAsync(email) is not null)
        {
            Error = text["InviteExists"];
            return Page();
        }

        var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = email, Email = email, LockoutEnabled = true };
        Professional professional;
        try
        {
            professional = new Professional(user.Id, Name ?? string.Empty, email, Discipline, Organisation);
        }
        catch (DomainException error)
        {
            Error = error.MessageFor(HttpContext);
            return Page();
        }

        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            Error = string.Join(' ', created.Errors.Select(e => HttpContext.Translated(e.Description)));
            return Page();
        }

        if (NeighbourhoodId is { } neighbourhood)
        {
            professional.JoinNeighbourhood(neighbourhood, Role);
        }

        db.Professionals.Add(professional);
        await db.SaveChangesAsync(cancellationToken);
        if (!string.IsNullOrEmpty(GlobalRole))
        {
            await users.AddToRoleAsync(user, GlobalRole);
        }

        await invitation.SendAsync(user, professional.DisplayName, cancellationToken);
        await audit.RecordAsync(new AuditEvent("create", "success", "Account", user.Id.ToString(), NeighbourhoodId, GlobalRoles.Administrator), cancellationToken);
        Sent = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["InviteSent"], email);
        ModelState.Clear();
        Email = Name = Organisation = null;
        return Page();
    }
}
