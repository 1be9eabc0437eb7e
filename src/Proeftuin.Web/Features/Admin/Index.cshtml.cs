using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>The beheerder's overview: every wijk with its members and roles, and every account with its state.</summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class IndexModel(AdminOverview overview, AuditLog audit, IStringLocalizer<AdminText> text) : PageModel
{
    public IReadOnlyList<NeighbourhoodRow> Neighbourhoods { get; private set; } = [];

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public string T(string key, params object[] values) => text[key, values];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Neighbourhoods = await overview.NeighbourhoodsAsync(cancellationToken);
        Accounts = await overview.AccountsAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "Administration", Role: AdminGate.Role), cancellationToken);
    }
}
