using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// What the beheerder's pages list: every wijk with its members and their roles, and every account with its global
/// roles, wijken and state. Names, addresses and roles only — never a case.
/// </summary>
public sealed class AdminOverview(ProeftuinDbContext db)
{
    public async Task<IReadOnlyList<NeighbourhoodRow>> NeighbourhoodsAsync(CancellationToken cancellationToken)
    {
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToListAsync(cancellationToken);
        var members = await MembersAsync(null, cancellationToken);
        return [.. neighbourhoods.Select(n => new NeighbourhoodRow(n.Id, n.Name, n.Slug, n.CaseCodePrefix, [.. members.Where(m => m.NeighbourhoodId == n.Id)]))];
    }

    public async Task<NeighbourhoodRow?> NeighbourhoodAsync(Guid id, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        return neighbourhood is null ? null
            : new NeighbourhoodRow(neighbourhood.Id, neighbourhood.Name, neighbourhood.Slug, neighbourhood.CaseCodePrefix, await MembersAsync(id, cancellationToken));
    }

    public async Task<IReadOnlyList<AccountRow>> AccountsAsync(CancellationToken cancellationToken) =>
        await AccountsWhereAsync(null, cancellationToken);

    public async Task<AccountRow?> AccountAsync(Guid id, CancellationToken cancellationToken) =>
        (await AccountsWhereAsync(id, cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<AccountRow>> AccountsWhereAsync(Guid? id, CancellationToken cancellationToken)
    {
        var professionals = await db.Professionals.AsNoTracking().Include(p => p.Memberships)
            .Where(p => id == null || p.Id == id)
            .OrderBy(p => p.DisplayName)
            .ToListAsync(cancellationToken);
        var ids = professionals.Select(p => p.Id).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.LockoutEnd, HasPassword = u.PasswordHash != null })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var names = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        return [.. professionals.Select(p =>
        {
            var account = accounts.GetValueOrDefault(p.Id);
            var state = p.IsAnonymised ? AccountState.Anonymised
                : account is null ? AccountState.Deactivated
                : AccountAdministration.IsDeactivated(account.LockoutEnd) ? AccountState.Deactivated
                : !account.HasPassword ? AccountState.Invited
                : AccountState.Active;
            // An anonymised account's address is a placeholder nobody should write to; the pages show a dash.
            return new AccountRow(p.Id, p.DisplayName, p.IsAnonymised ? "—" : p.Email, p.Discipline, [.. roles[p.Id].Order()], state,
                [.. p.Memberships.Select(m => new AccountMembership(m.NeighbourhoodId, names.GetValueOrDefault(m.NeighbourhoodId, "?"), m.Role)).OrderBy(m => m.Name)]);
        })];
    }

    private async Task<IReadOnlyList<MemberRow>> MembersAsync(Guid? neighbourhoodId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(m => neighbourhoodId == null || m.NeighbourhoodId == neighbourhoodId)
            .Join(db.Professionals, m => m.ProfessionalId, p => p.Id, (m, p) => new { m.NeighbourhoodId, p.Id, p.DisplayName, p.Email, p.Discipline, m.Role })
            .OrderBy(m => m.DisplayName)
            .Select(m => new MemberRow(m.NeighbourhoodId, m.Id, m.DisplayName, m.Email, m.Discipline, m.Role))
            .ToListAsync(cancellationToken);
}

public sealed record NeighbourhoodRow(Guid Id, string Name, string Slug, string CaseCodePrefix, IReadOnlyList<MemberRow> Members);

public sealed record MemberRow(Guid NeighbourhoodId, Guid ProfessionalId, string Name, string Email, Discipline Discipline, MembershipRole Role);

/// <summary>Active; invited (no password chosen yet: an invitation can be sent again); deactivated (cannot sign in).</summary>
public enum AccountState
{
    Active,
    Invited,
    Deactivated,

    /// <summary>Replaced by a neutral label for good (ADR 37): nothing left to activate or invite.</summary>
    Anonymised,
}

public sealed record AccountRow(Guid Id, string Name, string Email, Discipline Discipline, IReadOnlyList<string> GlobalRoles, AccountState State, IReadOnlyList<AccountMembership> Memberships);

public sealed record AccountMembership(Guid NeighbourhoodId, string Name, MembershipRole Role);
