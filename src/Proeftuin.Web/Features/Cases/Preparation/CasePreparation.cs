using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Data;
using Proeftuin.Data.Anonymization;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>
/// The preparation steps of a case besides its text, for a member of its wijk (the page checks membership first): change
/// title and themes (through the anonymisation guard, as at creation), add guarded names (only their keyed hashes are
/// stored) and mark the case "klaar voor bespreking" (only with no open finding in the live text). Each step is
/// audit-logged with the case; a change of what counts as a finding is re-checked and sent to everyone who has the text
/// open (<see cref="CaseEditRelay"/>).
/// </summary>
public sealed class CasePreparation(
    ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, GuardedNames guarded, OpenFindings openFindings, CaseEditRelay relay, AuditLog audit, TimeProvider time)
{
    public const int MaxGuardedNames = 50;
    public const int MaxGuardedNameLength = 200;

    /// <summary>Throws <see cref="GuardRefusedException"/> (nothing saved) or <see cref="DomainException"/>.</summary>
    public async Task UpdateDetailsAsync(CaseFile caseFile, string? title, IReadOnlyList<string> themes, CancellationToken cancellationToken)
    {
        var verdict = await guard.CheckAsync([], cancellationToken, new GuardedField("Title", title ?? string.Empty), new GuardedField("Themes", string.Join(", ", themes)));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("update", "denied", "CaseFile", caseFile.Id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
            throw new GuardRefusedException(verdict);
        }

        caseFile.UpdateDetails(title ?? string.Empty, caseFile.AgeBand, themes, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "CaseFile", caseFile.Id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
    }

    /// <summary>Adds the names' hashes to the case's guarded names (none removed); returns how many names were given.</summary>
    public async Task<int> AddGuardedNamesAsync(CaseFile caseFile, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0 || names.Count > MaxGuardedNames || names.Any(n => n.Length > MaxGuardedNameLength))
        {
            throw new DomainException("guarded-names.invalid", $"Geef 1 tot {MaxGuardedNames} namen van hoogstens {MaxGuardedNameLength} tekens.");
        }

        var known = (await db.CaseGuardedNames.AsNoTracking().Where(g => g.CaseFileId == caseFile.Id).Select(g => g.Hash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.CaseGuardedNames.AddRange(guarded.Hasher.HashNames(names).Where(h => !known.Contains(h)).Select(h => new CaseGuardedName { CaseFileId = caseFile.Id, Hash = h }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "GuardedNames", caseFile.Id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        await relay.RecheckAsync(caseFile.Id, cancellationToken);
        return names.Count;
    }

    /// <summary>How many name parts the case guards (never which).</summary>
    public Task<int> GuardedCountAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.CaseGuardedNames.AsNoTracking().CountAsync(g => g.CaseFileId == caseId, cancellationToken);

    /// <summary>Draft → ReadyForDiscussion when the live text has no open finding; otherwise a <see cref="DomainException"/>.</summary>
    public async Task MarkReadyAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        var open = await openFindings.ForCaseAsync(caseFile, await openFindings.LiveTextAsync(caseFile, cancellationToken), cancellationToken);
        try
        {
            caseFile.MarkReadyForDiscussion(open.Count, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainException)
        {
            await audit.RecordAsync(new AuditEvent("update", "denied", "CaseFile", caseFile.Id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "CaseFile", caseFile.Id.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
    }

    /// <summary>The case, tracked, when the caller is a member of its wijk.</summary>
    public async Task<CaseFile?> MemberCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var caseFile = await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return caseFile is not null && await access.IsMemberAsync(caseFile.NeighbourhoodId, cancellationToken) ? caseFile : null;
    }
}
