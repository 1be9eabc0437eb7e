using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// Creating a case, shared by the API and the "Nieuwe casus" page so both number, check and log a new case the same way.
/// </summary>
public static class CaseCreation
{
    /// <summary>Only members of the wijk may create a case there; a refusal is audit-logged.</summary>
    public static async Task<bool> MayCreateAsync(Guid neighbourhoodId, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await access.IsMemberAsync(neighbourhoodId, cancellationToken))
        {
            return true;
        }

        await audit.RecordAsync(new AuditEvent("create", "denied", "CaseFile", NeighbourhoodId: neighbourhoodId), cancellationToken);
        return false;
    }

    /// <summary>
    /// A new case from the Utrecht template, numbered next in its wijk (e.g. OND-2026-004), saved and audit-logged.
    /// Throws <see cref="DomainException"/> (Dutch message) when a rule is broken or the number was taken meanwhile, and
    /// <see cref="GuardRefusedException"/> when title or themes hold something possibly identifying.
    /// </summary>
    public static async Task<CaseFile> CreateAsync(
        Neighbourhood neighbourhood, string? title, AgeBand ageBand, IEnumerable<string> themes, ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        // Title and themes are listed on the wijk page and travel with every export: nothing identifying in them.
        var themeList = themes.ToList();
        var verdict = await guard.CheckAsync([], cancellationToken, new GuardedField("Title", title ?? string.Empty), new GuardedField("Themes", string.Join(", ", themeList)));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("create", "denied", "CaseFile", NeighbourhoodId: neighbourhood.Id, Role: "Member"), cancellationToken);
            throw new GuardRefusedException(verdict);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.CaseFiles.AsNoTracking().Where(c => c.NeighbourhoodId == neighbourhood.Id).Select(c => c.Code).ToListAsync(cancellationToken);
        var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Next(neighbourhood.CaseCodePrefix, now.Year, existing), title ?? string.Empty, ageBand, themeList, access.UserId, now);
        db.CaseFiles.Add(caseFile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else took the same number a moment ago.
            db.Entry(caseFile).State = EntityState.Detached;
            throw new DomainException("case.code.taken", "Het casusnummer werd tegelijk door iemand anders gebruikt. Probeer het opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent("create", "success", "CaseFile", caseFile.Id.ToString(), neighbourhood.Id, "Member"), cancellationToken);
        return caseFile;
    }
}
