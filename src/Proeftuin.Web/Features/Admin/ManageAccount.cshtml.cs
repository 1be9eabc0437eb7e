using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>One account for the beheerder: its wijken and state; deactivate (after a confirmation), reactivate, invite again, anonymise (after typing the name).</summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class ManageAccountModel(AdminOverview overview, AccountAdministration accounts, AccountAnonymisation anonymisation, AdminGate gate, AuditLog audit, IStringLocalizer<AdminText> text) : AdminPageModel(text)
{
    public AccountRow Account { get; private set; } = null!;

    public bool ConfirmDeactivate { get; private set; }

    public bool ConfirmAnonymise { get; private set; }

    /// <summary>The person's name, typed by the beheerder to confirm an anonymisation that cannot be undone.</summary>
    [BindProperty]
    public string? Confirmation { get; set; }

    public bool IsSelf => gate.CallerId == Account.Id;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(new AuditEvent("read", "success", AccountAdministration.ObjectType, id.ToString(), Role: AdminGate.Role), cancellationToken);
        return Page();
    }

    /// <summary>The first step of a deactivation: the page again, asking to confirm.</summary>
    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ConfirmDeactivate = !IsSelf;
        return Page();
    }

    /// <summary>The first step of an anonymisation: the page again, asking for the name.</summary>
    public async Task<IActionResult> OnPostAnonymiseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ConfirmAnonymise = !IsSelf && Account.State != AccountState.Anonymised;
        return Page();
    }

    public async Task<IActionResult> OnPostAnonymiseConfirmedAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await anonymisation.AnonymiseAsync(id, Confirmation, cancellationToken);
        if (outcome.Field == nameof(Confirmation))
        {
            // A wrong name: the question again, with the error next to the field; nothing changed.
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ConfirmAnonymise = true;
            Show(outcome);
            return Page();
        }

        return await AfterAsync(id, outcome, "Anonymised", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeactivateConfirmedAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await accounts.DeactivateAsync(id, cancellationToken), "Deactivated", cancellationToken);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await accounts.ReactivateAsync(id, cancellationToken), "Reactivated", cancellationToken);

    public async Task<IActionResult> OnPostResendInvitationAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await accounts.ResendInvitationAsync(id, cancellationToken), "InvitationResent", cancellationToken);

    /// <summary>The account page's refusals are about the account, not one field: shown in the summary.</summary>
    private Task<IActionResult> AfterAsync(Guid id, AdminOutcome outcome, string doneKey, CancellationToken cancellationToken) =>
        AfterAsync(outcome with { Field = string.Empty }, () => T(doneKey), $"/admin/accounts/{id}", () => LoadAsync(id, cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await overview.AccountAsync(id, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
