using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// The follow-up of recommendations after their meeting (ADR 32): status changes and progress notes at any time,
/// also when the meeting is closed, by the recommendation's owner or a chair of its wijk; members of the wijk and the
/// coordinator read the history. Every change names the version it was based on, so a stale one is refused and
/// changes nothing; every note passes the anonymisation guard with the recommendation's case.
/// </summary>
public sealed class RecommendationFollowUp(ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard textGuard, AuditLog audit, TimeProvider time)
{
    public const string NoteField = "Note";
    public const string ObjectType = "Recommendation";

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, AmsterdamTime.Zone));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The signed-in professional's open recommendations they own, overdue first, then by due date.</summary>
    public async Task<IReadOnlyList<OpenAction>> MineAsync(CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var mine = await OpenActions(db.Recommendations.AsNoTracking().Where(r => r.OwnerId == me)).ToListAsync(cancellationToken);
        var own = new List<OpenAction>();
        foreach (var action in mine)
        {
            // An owner who left the wijk no longer sees its case codes.
            if (await access.IsMemberAsync(action.NeighbourhoodId, cancellationToken))
            {
                own.Add(action);
            }
        }

        await audit.RecordAsync(new AuditEvent("read", "success", "MyActions", me.ToString()), cancellationToken);
        return Ordered(own);
    }

    /// <summary>The open recommendations of a wijk for its members; the caller has checked the membership.</summary>
    public async Task<IReadOnlyList<OpenAction>> OpenInNeighbourhoodAsync(Guid neighbourhoodId, CancellationToken cancellationToken) =>
        Ordered(await OpenActions(db.Recommendations.AsNoTracking().Where(r => r.NeighbourhoodId == neighbourhoodId)).ToListAsync(cancellationToken));

    /// <summary>One recommendation with its history, or why not; every look is audit-logged with the recommendation as object.</summary>
    public async Task<FollowUpRead> ReadAsync(Guid recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recommendationId, cancellationToken);
        if (recommendation is null)
        {
            return new FollowUpRead(FollowUpAccess.NotFound, null);
        }

        var role = await RoleAsync(recommendation, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", ObjectType, recommendationId.ToString(), recommendation.NeighbourhoodId), cancellationToken);
            return new FollowUpRead(FollowUpAccess.Denied, null);
        }

        var detail = await DetailAsync(recommendation, role, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", ObjectType, recommendationId.ToString(), recommendation.NeighbourhoodId, role), cancellationToken);
        return new FollowUpRead(FollowUpAccess.Allowed, detail);
    }

    /// <summary>
    /// A status change, a note, or both, as one step in the history. Refused — and nothing changed — when the caller is
    /// neither owner nor chair, the version is stale, the status change is not allowed, or the note identifies someone.
    /// </summary>
    public async Task<FollowUpChange> RecordAsync(Guid recommendationId, int expectedVersion, RecommendationStatus? toStatus, string? note, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == recommendationId, cancellationToken);
        if (recommendation is null)
        {
            return FollowUpChange.Failed(FollowUpAccess.NotFound, "recommendation.unknown", "Deze aanbeveling bestaat niet.");
        }

        var role = await RoleAsync(recommendation, cancellationToken);
        if (role is not ("Owner" or "Chair"))
        {
            await audit.RecordAsync(new AuditEvent("update", "denied", ObjectType, recommendationId.ToString(), recommendation.NeighbourhoodId, role), cancellationToken);
            return FollowUpChange.Failed(FollowUpAccess.Denied, "forbidden", "Alleen de eigenaar of de voorzitter van de wijk mag de voortgang bijwerken.");
        }

        var changesStatus = toStatus is { } to && to != recommendation.Status;
        try
        {
            recommendation.EnsureVersion(expectedVersion);
            if (note is not null && note.Trim().Length > 0)
            {
                var verdict = await textGuard.CheckAsync(await CasesOfAsync(recommendation, cancellationToken), cancellationToken, new GuardedField(NoteField, note));
                if (!verdict.IsClear)
                {
                    await audit.RecordAsync(new AuditEvent("update", "denied", ObjectType, recommendationId.ToString(), recommendation.NeighbourhoodId, role), cancellationToken);
                    return new FollowUpChange { Access = FollowUpAccess.Allowed, Refused = verdict, Note = note };
                }
            }

            var from = recommendation.Status;
            var step = new RecommendationProgress(
                Guid.NewGuid(), recommendation.Id, changesStatus ? from : null, changesStatus ? toStatus : null, note, access.UserId, Now);
            if (changesStatus)
            {
                recommendation.ChangeStatus(expectedVersion, toStatus!.Value, Now);
            }

            db.RecommendationProgress.Add(step);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            db.ChangeTracker.Clear();
            return FollowUpChange.Failed(FollowUpAccess.Allowed, error.Code, error.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FollowUpChange.Failed(FollowUpAccess.Allowed, "recommendation.conflict", ConflictMessage);
        }

        await audit.RecordAsync(new AuditEvent("update", "success", ObjectType, recommendationId.ToString(), recommendation.NeighbourhoodId, role), cancellationToken);
        return new FollowUpChange { Access = FollowUpAccess.Allowed };
    }

    private const string ConflictMessage = "Iemand anders heeft deze aanbeveling intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.";

    /// <summary>"Owner" or "Chair" may change; "Member" and "Coordinator" may read; null may not.</summary>
    private async Task<string?> RoleAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        var role = await access.RoleInAsync(recommendation.NeighbourhoodId, cancellationToken);
        return role switch
        {
            MembershipRole.Chair => "Chair",
            not null when recommendation.OwnerId == access.UserId => "Owner",
            not null => "Member",
            null when access.IsCoordinator => "Coordinator",
            _ => null,
        };
    }

    /// <summary>The cases whose guarded names apply: the recommendation's own case, or every case on its meeting's agenda.</summary>
    private async Task<IReadOnlyCollection<Guid>> CasesOfAsync(Recommendation recommendation, CancellationToken cancellationToken) =>
        recommendation.CaseFileId is { } caseId
            ? [caseId]
            : recommendation.MeetingId is { } meetingId
                ? await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(cancellationToken)
                : [];

    private async Task<FollowUpDetail> DetailAsync(Recommendation recommendation, string role, CancellationToken cancellationToken)
    {
        var caseCode = recommendation.CaseFileId is { } caseId
            ? await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken)
            : null;
        var meeting = recommendation.MeetingId is { } meetingId
            ? await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Id, m.Title, m.ScheduledStartUtc, m.StartedAtUtc }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().Where(n => n.Id == recommendation.NeighbourhoodId).Select(n => new { n.Name, n.Slug }).FirstAsync(cancellationToken);
        var owner = recommendation.OwnerId is { } ownerId
            ? await db.Professionals.AsNoTracking().Where(p => p.Id == ownerId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var history = await (
                from p in db.RecommendationProgress.AsNoTracking()
                join a in db.Professionals.AsNoTracking() on p.AuthorId equals a.Id
                where p.RecommendationId == recommendation.Id
                select new ProgressStep(a.DisplayName, p.AtUtc, p.FromStatus, p.ToStatus, p.Note))
            .ToListAsync(cancellationToken);
        return new FollowUpDetail(
            recommendation, neighbourhood.Name, neighbourhood.Slug, caseCode, meeting?.Id, meeting?.Title, meeting?.StartedAtUtc ?? meeting?.ScheduledStartUtc, owner,
            role is "Owner" or "Chair", [.. history.OrderByDescending(h => h.AtUtc)]);
    }

    private IQueryable<OpenAction> OpenActions(IQueryable<Recommendation> recommendations) =>
        from r in recommendations
        where RecommendationStatuses.Open.Contains(r.Status)
        join n in db.Neighbourhoods.AsNoTracking() on r.NeighbourhoodId equals n.Id
        join c in db.CaseFiles.AsNoTracking() on r.CaseFileId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        join o in db.Professionals.AsNoTracking() on r.OwnerId equals o.Id into owners
        from o in owners.DefaultIfEmpty()
        select new OpenAction(r.Id, r.NeighbourhoodId, n.Name, r.Text, r.Status, r.DueDate, c == null ? null : c.Code, o == null ? null : o.DisplayName);

    /// <summary>Overdue first, then by due date (those without one last), so what needs doing is on top.</summary>
    private IReadOnlyList<OpenAction> Ordered(IEnumerable<OpenAction> actions)
    {
        var today = Today;
        return [.. actions.OrderByDescending(a => a.IsOverdue(today)).ThenBy(a => a.DueDate is null).ThenBy(a => a.DueDate).ThenBy(a => a.Text, StringComparer.Ordinal)];
    }
}

public enum FollowUpAccess
{
    Allowed,
    Denied,
    NotFound,
}

public sealed record FollowUpRead(FollowUpAccess Access, FollowUpDetail? Detail);

/// <summary>An open recommendation in a list of actions.</summary>
public sealed record OpenAction(Guid Id, Guid NeighbourhoodId, string NeighbourhoodName, string Text, RecommendationStatus Status, DateOnly? DueDate, string? CaseCode, string? OwnerName)
{
    public bool IsOverdue(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueDate, today);
}

/// <summary>A recommendation as its detail page shows it, with its history newest first.</summary>
public sealed record FollowUpDetail(
    Recommendation Recommendation,
    string NeighbourhoodName,
    string NeighbourhoodSlug,
    string? CaseCode,
    Guid? MeetingId,
    string? MeetingTitle,
    DateTime? MeetingDateUtc,
    string? OwnerName,
    bool MayChange,
    IReadOnlyList<ProgressStep> History);

public sealed record ProgressStep(string AuthorName, DateTime AtUtc, RecommendationStatus? FromStatus, RecommendationStatus? ToStatus, string? Note);

/// <summary>What a follow-up change came to: done, refused by the guard (<see cref="Refused"/>), or an error code and Dutch message.</summary>
public sealed record FollowUpChange
{
    public FollowUpAccess Access { get; init; }

    public GuardVerdict? Refused { get; init; }

    /// <summary>The note as typed, for showing the guard's findings in it.</summary>
    public string? Note { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool Ok => Access == FollowUpAccess.Allowed && Refused is null && ErrorCode is null;

    public static FollowUpChange Failed(FollowUpAccess access, string code, string message) => new() { Access = access, ErrorCode = code, ErrorMessage = message };
}
