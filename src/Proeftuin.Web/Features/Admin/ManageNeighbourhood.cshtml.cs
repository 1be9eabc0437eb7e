using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Professionals;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// One wijk for the beheerder: its members with their roles (change, remove after a confirmation), adding an existing
/// account, and its name, slug and case-code prefix.
/// </summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class ManageNeighbourhoodModel(
    AdminOverview overview, NeighbourhoodAdministration neighbourhoods, MembershipAdministration memberships, AuditLog audit, IStringLocalizer<AdminText> text) : NeighbourhoodFormModel(text)
{
    public NeighbourhoodRow Neighbourhood { get; private set; } = null!;

    /// <summary>Accounts that are not a member yet.</summary>
    public IReadOnlyList<AccountRow> Candidates { get; private set; } = [];

    [BindProperty]
    public Guid ProfessionalId { get; set; }

    [BindProperty]
    public MembershipRole Role { get; set; }

    /// <summary>The member whose removal waits for the beheerder's confirmation.</summary>
    public Guid? ConfirmRemove { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowStored(Neighbourhood);
        await audit.RecordAsync(new AuditEvent("read", "success", NeighbourhoodAdministration.ObjectType, id.ToString(), id, AdminGate.Role), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await neighbourhoods.UpdateAsync(id, Input, cancellationToken);
        return await AfterAsync(id, outcome, "NeighbourhoodSaved", keepInput: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        var badRole = !ModelState.IsValid;
        ModelState.Clear();
        var outcome = badRole ? AdminOutcome.Refused("Role", "ErrorRole") : await memberships.AddAsync(id, ProfessionalId, Role, cancellationToken);
        return await AfterAsync(id, outcome, "MemberAdded", keepInput: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(Guid id, CancellationToken cancellationToken)
    {
        var badRole = !ModelState.IsValid;
        ModelState.Clear();
        var outcome = badRole ? AdminOutcome.Refused("Role", "ErrorRole") : await memberships.ChangeRoleAsync(id, ProfessionalId, Role, cancellationToken);
        return await AfterAsync(id, outcome with { Field = outcome.Field is null ? null : string.Empty }, "RoleChanged", keepInput: false, cancellationToken);
    }

    /// <summary>The first step of a removal: the page again, asking to confirm.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowStored(Neighbourhood);
        ConfirmRemove = ProfessionalId;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveConfirmedAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await memberships.RemoveAsync(id, ProfessionalId, cancellationToken);
        return await AfterAsync(id, outcome with { Field = outcome.Field is null ? null : string.Empty }, "MemberRemoved", keepInput: false, cancellationToken);
    }

    /// <summary>A refused change shows what was typed in the wijk form only when that form was sent.</summary>
    private Task<IActionResult> AfterAsync(Guid id, AdminOutcome outcome, string doneKey, bool keepInput, CancellationToken cancellationToken) =>
        AfterAsync(outcome, () => T(doneKey), $"/admin/wijken/{id}", async () =>
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return false;
            }

            if (!keepInput)
            {
                ShowStored(Neighbourhood);
            }

            return true;
        });

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await overview.NeighbourhoodAsync(id, cancellationToken) is not { } neighbourhood)
        {
            return false;
        }

        Neighbourhood = neighbourhood;
        var members = neighbourhood.Members.Select(m => m.ProfessionalId).ToHashSet();
        Candidates = [.. (await overview.AccountsAsync(cancellationToken)).Where(a => !members.Contains(a.Id) && a.State is not (AccountState.Deactivated or AccountState.Anonymised))];
        return true;
    }
}
