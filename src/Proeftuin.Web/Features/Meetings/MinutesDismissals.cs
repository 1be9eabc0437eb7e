using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Data.Anonymization;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// "Geen identificerend gegeven" in the verslag: a member of the wijk judges one of its findings with a reason. The
/// verslag is guarded with the dismissals of the cases on the agenda (<see cref="TextGuard.CheckMinutesAsync"/>), so the
/// judgement is stored, as a keyed hash only, for each of those cases: it is about these words in the context of the
/// cases the meeting discussed, and holds wherever those words appear in them (ADR 23).
/// </summary>
public sealed class MinutesDismissals(
    ProeftuinDbContext db,
    NeighbourhoodAccess access,
    MemberMinutes member,
    TextGuard guard,
    GuardedNames guarded,
    LiveDocuments documents,
    FindingsMonitor monitor,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<Results<Created, ProblemHttpResult>> DismissAsync(Guid meetingId, MinutesDismissalRequest request, CancellationToken cancellationToken)
    {
        var found = await member.ForAsync(meetingId, "dismiss-finding", cancellationToken);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var (meeting, minutes) = (found.Meeting!, found.Minutes!);

        var caseIds = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(cancellationToken);
        if (caseIds.Count == 0)
        {
            return ProblemResults.Invalid("Dit verslag hoort bij geen casus, dus een bevinding kan alleen worden vervangen.");
        }

        // Judged against the verslag as it stands on the server, like a case's dismissal against its live text.
        var verdict = await guard.CheckMinutesAsync(meetingId, minutes.Text, cancellationToken);
        var finding = verdict.Findings
            .Select(f => f.Finding)
            .FirstOrDefault(f => f.Start == request.Start && f.End == request.End && CategoryNames.Code(f.Category) == request.Category);
        if (finding is null)
        {
            return ProblemResults.Invalid("Er is geen bevinding op deze plaats in de huidige tekst. Laad de bevindingen opnieuw.");
        }

        FindingDismissal dismissal;
        try
        {
            dismissal = FindingDismissal.For(finding, minutes.Text, request.Reason ?? string.Empty, guarded.Hasher);
        }
        catch (ArgumentException error)
        {
            return ProblemResults.Invalid(error.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.CaseFindingDismissals.AddRange(caseIds.Select(caseId => new CaseFindingDismissal
        {
            Id = Guid.NewGuid(),
            CaseFileId = caseId,
            Category = dismissal.Category,
            TextHash = dismissal.TextHash,
            Reason = dismissal.Reason,
            DismissedById = access.UserId,
            DismissedAtUtc = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("dismiss-finding", "success", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);

        // Everyone in the room sees the finding go (the check runs on the monitor's short delay).
        if (!minutes.IsFinal)
        {
            var generated = await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => m.GeneratedText).FirstAsync(cancellationToken);
            monitor.MinutesChanged(meetingId, await documents.GetAsync(DocumentId.ForMinutes(meetingId), generated, cancellationToken));
        }

        return TypedResults.Created($"/api/meetings/{meetingId}/minutes/dismissals");
    }
}

public sealed record MinutesDismissalRequest(int Start, int End, string Category, string? Reason);
