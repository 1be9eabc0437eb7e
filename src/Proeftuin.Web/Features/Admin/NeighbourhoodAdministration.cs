using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The beheerder creates a wijk and changes its name, slug (its web address) and case-code prefix. Slug and prefix are
/// unique over all wijken; the prefix stays once the wijk has cases (their codes carry it). Every change is audit-logged
/// with the wijk.
/// </summary>
public sealed class NeighbourhoodAdministration(ProeftuinDbContext db, AdminGate gate, AuditLog audit)
{
    public const string ObjectType = "Neighbourhood";

    public async Task<(AdminOutcome Outcome, Neighbourhood? Created)> CreateAsync(NeighbourhoodInput input, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("create", ObjectType, null, null, cancellationToken))
        {
            return (AdminOutcome.Forbidden, null);
        }

        Neighbourhood neighbourhood;
        try
        {
            neighbourhood = new Neighbourhood(Guid.NewGuid(), input.Name ?? string.Empty, input.Slug, input.CaseCodePrefix ?? string.Empty);
        }
        catch (DomainException error)
        {
            return (Refusal(error), null);
        }

        if (await TakenAsync(neighbourhood, cancellationToken) is { } taken)
        {
            return (taken, null);
        }

        db.Neighbourhoods.Add(neighbourhood);
        if (!await SavedAsync(cancellationToken))
        {
            return (AdminOutcome.Refused(nameof(NeighbourhoodInput.Slug), "ErrorTakenMeanwhile"), null);
        }

        await audit.RecordAsync(new AuditEvent("create", "success", ObjectType, neighbourhood.Id.ToString(), neighbourhood.Id, AdminGate.Role), cancellationToken);
        return (AdminOutcome.Success, neighbourhood);
    }

    public async Task<AdminOutcome> UpdateAsync(Guid neighbourhoodId, NeighbourhoodInput input, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("update", ObjectType, neighbourhoodId.ToString(), neighbourhoodId, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        var neighbourhood = await db.Neighbourhoods.FirstOrDefaultAsync(n => n.Id == neighbourhoodId, cancellationToken);
        if (neighbourhood is null)
        {
            return AdminOutcome.Refused(nameof(NeighbourhoodInput.Name), "ErrorUnknownNeighbourhood");
        }

        var prefix = (input.CaseCodePrefix ?? string.Empty).Trim().ToUpperInvariant();
        try
        {
            neighbourhood.Rename(input.Name ?? string.Empty, input.Slug);
            if (prefix != neighbourhood.CaseCodePrefix)
            {
                if (await db.CaseFiles.AnyAsync(c => c.NeighbourhoodId == neighbourhoodId, cancellationToken))
                {
                    db.Entry(neighbourhood).State = EntityState.Detached;
                    return AdminOutcome.Refused(nameof(NeighbourhoodInput.CaseCodePrefix), "ErrorPrefixInUse");
                }

                neighbourhood.ChangeCaseCodePrefix(prefix);
            }
        }
        catch (DomainException error)
        {
            db.Entry(neighbourhood).State = EntityState.Detached;
            return Refusal(error);
        }

        if (await TakenAsync(neighbourhood, cancellationToken) is { } taken)
        {
            db.Entry(neighbourhood).State = EntityState.Detached;
            return taken;
        }

        if (!await SavedAsync(cancellationToken))
        {
            return AdminOutcome.Refused(nameof(NeighbourhoodInput.Slug), "ErrorTakenMeanwhile");
        }

        await audit.RecordAsync(new AuditEvent("update", "success", ObjectType, neighbourhood.Id.ToString(), neighbourhood.Id, AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }

    /// <summary>Another wijk already uses the slug or the prefix (slugs are lower case and prefixes upper case by their rules).</summary>
    private async Task<AdminOutcome?> TakenAsync(Neighbourhood neighbourhood, CancellationToken cancellationToken)
    {
        var others = db.Neighbourhoods.AsNoTracking().Where(n => n.Id != neighbourhood.Id);
        if (await others.AnyAsync(n => n.Slug == neighbourhood.Slug, cancellationToken))
        {
            return AdminOutcome.Refused(nameof(NeighbourhoodInput.Slug), "ErrorSlugTaken");
        }

        return await others.AnyAsync(n => n.CaseCodePrefix == neighbourhood.CaseCodePrefix, cancellationToken)
            ? AdminOutcome.Refused(nameof(NeighbourhoodInput.CaseCodePrefix), "ErrorPrefixTaken")
            : null;
    }

    /// <summary>The unique indexes decide when two beheerders take the same slug or prefix at once.</summary>
    private async Task<bool> SavedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static AdminOutcome Refusal(DomainException error) => error.Code switch
    {
        "neighbourhood.slug" => AdminOutcome.Refused(nameof(NeighbourhoodInput.Slug), "ErrorSlugFormat"),
        "neighbourhood.prefix" => AdminOutcome.Refused(nameof(NeighbourhoodInput.CaseCodePrefix), "ErrorPrefixFormat"),
        _ => AdminOutcome.Refused(nameof(NeighbourhoodInput.Name), "ErrorName"),
    };
}

/// <summary>What the beheerder typed for a wijk; an empty slug follows from the name.</summary>
public sealed record NeighbourhoodInput(string? Name, string? Slug, string? CaseCodePrefix);
