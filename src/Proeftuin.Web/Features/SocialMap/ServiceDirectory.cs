using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.SocialMap;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;

namespace Proeftuin.Web.Features.SocialMap;

/// <summary>
/// The services and organisations on a wijk's sociale kaart: who to call for what, listed with a filter and kept by
/// the wijk's members. The caller (a page) has checked membership; this class checks the texts and the versions.
/// </summary>
public sealed class ServiceDirectory(ProeftuinDbContext db, TextGuard guard, TimeProvider time)
{
    private static readonly CompareInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;

    /// <summary>The texts the guard reads: phone and website are the organisation's own and are no client's details.</summary>
    public static readonly string[] GuardedFields = [nameof(ServiceInput.Name), nameof(ServiceInput.HowToRefer), nameof(ServiceInput.OpeningHours), nameof(ServiceInput.Description)];

    public async Task<IReadOnlyList<SocialMapService>> ListAsync(Guid neighbourhoodId, ServiceFilter filter, CancellationToken cancellationToken)
    {
        var query = db.SocialMapServices.AsNoTracking().Where(s => s.NeighbourhoodId == neighbourhoodId);
        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.KindOfHelp == kind);
        }

        // A wijk has tens of services: the words are matched here, ignoring case and accents the same way on every
        // database provider ("opvoed" finds "Opvoedondersteuning", "cafe" finds "café").
        var services = await query.ToListAsync(cancellationToken);
        var words = filter.Words();
        return [.. services
            .Where(s => words.All(word => Matches(s, word)))
            .OrderBy(s => s.KindOfHelp)
            .ThenBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))];
    }

    public Task<SocialMapService?> FindAsync(Guid neighbourhoodId, Guid id, CancellationToken cancellationToken) =>
        db.SocialMapServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.NeighbourhoodId == neighbourhoodId, cancellationToken);

    /// <summary>Adds a service (<paramref name="id"/> null) or changes one that is still at <paramref name="version"/>.</summary>
    public async Task<ServiceChange> SaveAsync(Guid neighbourhoodId, Guid? id, int version, ServiceInput input, Guid by, CancellationToken cancellationToken)
    {
        var verdict = await guard.CheckAsync([], cancellationToken,
            new GuardedField(nameof(ServiceInput.Name), input.Name ?? string.Empty),
            new GuardedField(nameof(ServiceInput.HowToRefer), input.HowToRefer ?? string.Empty),
            new GuardedField(nameof(ServiceInput.OpeningHours), input.OpeningHours ?? string.Empty),
            new GuardedField(nameof(ServiceInput.Description), input.Description ?? string.Empty));
        if (!verdict.IsClear)
        {
            return new ServiceChange.Refused(verdict);
        }

        var now = time.GetUtcNow().UtcDateTime;
        SocialMapService service;
        try
        {
            if (id is null)
            {
                service = new SocialMapService(Guid.NewGuid(), neighbourhoodId, input.Name!, input.Kind ?? (KindOfHelp)(-1), input.HowToRefer!,
                    input.Phone, input.Website, input.OpeningHours, input.Description, by, now);
                db.SocialMapServices.Add(service);
            }
            else
            {
                var stored = await db.SocialMapServices.FirstOrDefaultAsync(s => s.Id == id && s.NeighbourhoodId == neighbourhoodId, cancellationToken);
                if (stored is null)
                {
                    return new ServiceChange.Gone();
                }

                if (stored.Version != version)
                {
                    return new ServiceChange.Stale(stored);
                }

                stored.Update(input.Name!, input.Kind ?? (KindOfHelp)(-1), input.HowToRefer!, input.Phone, input.Website, input.OpeningHours, input.Description, by, now);
                service = stored;
            }

            await db.SaveChangesAsync(cancellationToken);
            return new ServiceChange.Saved(service);
        }
        catch (DomainException error)
        {
            db.ChangeTracker.Clear();
            return new ServiceChange.Invalid(error);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours was written.
            db.ChangeTracker.Clear();
            return await FindAsync(neighbourhoodId, id!.Value, cancellationToken) is { } current ? new ServiceChange.Stale(current) : new ServiceChange.Gone();
        }
    }

    /// <summary>Removes a service that is still at <paramref name="version"/>: what the person confirmed is what goes.</summary>
    public async Task<ServiceChange> RemoveAsync(Guid neighbourhoodId, Guid id, int version, CancellationToken cancellationToken)
    {
        var stored = await db.SocialMapServices.FirstOrDefaultAsync(s => s.Id == id && s.NeighbourhoodId == neighbourhoodId, cancellationToken);
        if (stored is null)
        {
            return new ServiceChange.Gone();
        }

        if (stored.Version != version)
        {
            return new ServiceChange.Stale(stored);
        }

        db.SocialMapServices.Remove(stored);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await FindAsync(neighbourhoodId, id, cancellationToken) is { } current ? new ServiceChange.Stale(current) : new ServiceChange.Gone();
        }

        return new ServiceChange.Saved(stored);
    }

    private static bool Matches(SocialMapService service, string word) =>
        new[] { service.Name, service.Description, service.HowToRefer }.Any(text =>
            text is not null && Dutch.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
}

/// <summary>The filter of the list, from the page's query string: a kind of help and free words.</summary>
public sealed record ServiceFilter(KindOfHelp? Kind, string? Search)
{
    public IReadOnlyList<string> Words() =>
        (Search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsEmpty => Kind is null && string.IsNullOrWhiteSpace(Search);
}

/// <summary>What a member typed into the service form.</summary>
public sealed record ServiceInput(string? Name, KindOfHelp? Kind, string? HowToRefer, string? Phone, string? Website, string? OpeningHours, string? Description);

/// <summary>The outcome of a change: saved, refused by the guard, invalid, based on an older version, or already gone.</summary>
public abstract record ServiceChange
{
    public sealed record Saved(SocialMapService Service) : ServiceChange;

    public sealed record Refused(GuardVerdict Verdict) : ServiceChange;

    public sealed record Invalid(DomainException Error) : ServiceChange;

    public sealed record Stale(SocialMapService Current) : ServiceChange;

    public sealed record Gone : ServiceChange;
}
