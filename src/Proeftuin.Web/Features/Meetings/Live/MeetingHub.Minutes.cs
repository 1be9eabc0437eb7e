using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// After the meeting: the verslag generated at closing, co-edited like a case text and made final by the chair, and
/// each participant's rating (1–10 and a remark), of which the room sees the average.
/// </summary>
public sealed partial class MeetingHub
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Chair only: fixes the verslag as it stands now; nobody can change it afterwards.</summary>
    public async Task<HubResult<MinutesView>> FinaliseMinutes()
    {
        MinutesView? view = null;
        Anonymization.GuardVerdict? refused = null;
        var result = await ChairAsync("finalise-minutes", async (meeting, now) =>
        {
            var minutes = await db.MeetingMinutes.FirstOrDefaultAsync(m => m.MeetingId == meeting.Id, Context.ConnectionAborted)
                ?? throw new DomainException("minutes.none", "Er is nog geen verslag: sluit eerst de bespreking.");
            var session = await documents.GetAsync(MinutesDocument(meeting.Id), minutes.GeneratedText, Context.ConnectionAborted);
            await documents.RefreshAsync(session, Context.ConnectionAborted);
            var (text, revision) = await session.SnapshotAsync(Context.ConnectionAborted);

            // A verslag leaves the wijk (exports, print): it becomes final only without an open finding.
            refused = await textGuard.CheckMinutesAsync(meeting.Id, text, Context.ConnectionAborted);
            if (!refused.IsClear)
            {
                throw new DomainException(Anonymization.GuardVerdict.ErrorCode, refused.Message);
            }

            minutes.Finalise(text, revision, access.UserId, now);
            await Notifications.MeetingNotifications.MinutesFinalAsync(db, meeting, Context.ConnectionAborted);
            view = MinutesView.Of(minutes);
        });
        if (!result.Ok)
        {
            return refused is { IsClear: false } ? HubResult<MinutesView>.Refused(refused) : HubResult<MinutesView>.Fail(result.Error!.Code, result.Error.Message);
        }

        await Clients.Group(Group(presence.MeetingOf(Context.ConnectionId)!.Value)).MinutesChanged(view!);
        return HubResult<MinutesView>.Success(view!);
    }

    /// <summary>A participant rates the meeting once (1–10, optional remark); the room hears the new average.</summary>
    public async Task<HubResult<EvaluationSummary>> EvaluateMeeting(int score, string? remark)
    {
        access.UseUser(Context.User);
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null)
        {
            return HubResult<EvaluationSummary>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking.");
        }

        var meeting = await db.Meetings.Include(m => m.Attendance).FirstAsync(m => m.Id == meetingId, Context.ConnectionAborted);
        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, Context.ConnectionAborted))
        {
            return HubResult<EvaluationSummary>.Fail("forbidden", "Je bent geen lid van de wijk van deze bespreking.");
        }

        if (await db.MeetingEvaluations.AnyAsync(e => e.MeetingId == meeting.Id && e.ProfessionalId == access.UserId, Context.ConnectionAborted))
        {
            return HubResult<EvaluationSummary>.Fail("evaluation.duplicate", "Je hebt deze bespreking al beoordeeld.");
        }

        try
        {
            db.MeetingEvaluations.Add(meeting.Evaluate(Guid.NewGuid(), access.UserId, score, remark, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        catch (DomainException error)
        {
            return HubResult<EvaluationSummary>.Fail(error.Code, error.Message);
        }

        await audit.RecordAsync(new AuditEvent("evaluate", "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Member"));
        var summary = await EvaluationSummaryAsync(meeting.Id);
        await Clients.Group(Group(meeting.Id)).EvaluationChanged(summary);
        return HubResult<EvaluationSummary>.Success(summary);
    }

    /// <summary>Writes the verslag of a meeting that is closing: attendance by discipline, per case the question, conclusions and recommendations.</summary>
    private async Task CreateMinutesAsync(Meeting meeting, IReadOnlyDictionary<Guid, string> finalTexts, DateTime nowUtc)
    {
        var attendeeIds = meeting.Attendance.Select(a => a.ProfessionalId).ToList();
        var disciplines = await db.Professionals.AsNoTracking().Where(p => attendeeIds.Contains(p.Id)).Select(p => p.Discipline).ToListAsync(Context.ConnectionAborted);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, Context.ConnectionAborted);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.CreatedAtUtc).ToListAsync(Context.ConnectionAborted);
        var content = new MinutesContent(
            meeting.Title,
            await db.Neighbourhoods.Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Name).FirstAsync(Context.ConnectionAborted),
            TimeZoneInfo.ConvertTimeFromUtc(meeting.StartedAtUtc ?? meeting.ScheduledStartUtc, Amsterdam),
            disciplines,
            [.. meeting.Agenda.Select(a => new MinutesCase(
                cases[a.CaseFileId].Code,
                cases[a.CaseFileId].Title,
                finalTexts.GetValueOrDefault(a.CaseFileId) ?? cases[a.CaseFileId].Text,
                [.. recommendations.Where(r => r.CaseFileId == a.CaseFileId)]))]);
        db.MeetingMinutes.Add(MeetingMinutes.For(meeting, content, nowUtc));
    }

    private async Task<DocumentState?> MinutesStateAsync(Guid meetingId)
    {
        var minutes = await db.MeetingMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId, Context.ConnectionAborted);
        if (minutes is null)
        {
            return null;
        }

        if (minutes.IsFinal)
        {
            return new DocumentState(MinutesDocument(meetingId), "Verslag (definitief)", minutes.FinalText!, minutes.FinalRevision!.Value, []);
        }

        var session = await documents.GetAsync(MinutesDocument(meetingId), minutes.GeneratedText, Context.ConnectionAborted);
        await documents.RefreshAsync(session, Context.ConnectionAborted);
        var (text, revision) = await session.SnapshotAsync(Context.ConnectionAborted);
        var verdict = await textGuard.CheckMinutesAsync(meetingId, text, Context.ConnectionAborted);
        return new DocumentState(MinutesDocument(meetingId), "Verslag", text, revision, [.. verdict.Findings.Select(Anonymization.FindingDto.From)]);
    }

    private async Task<EvaluationSummary> EvaluationSummaryAsync(Guid meetingId)
    {
        var scores = await db.MeetingEvaluations.AsNoTracking().Where(e => e.MeetingId == meetingId).Select(e => e.Score).ToListAsync(Context.ConnectionAborted);
        return new EvaluationSummary(scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 1));
    }
}
