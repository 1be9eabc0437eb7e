using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>Each participant rates a meeting once (1–10 and an optional remark); the room sees the average.</summary>
public sealed class MeetingEvaluations(ProeftuinDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<HubResult<EvaluationSummary>> EvaluateAsync(MeetingSeat member, int score, string? remark, CancellationToken cancellationToken)
    {
        if (await db.MeetingEvaluations.AnyAsync(e => e.MeetingId == member.MeetingId && e.ProfessionalId == member.UserId, cancellationToken))
        {
            return HubResult<EvaluationSummary>.Fail("evaluation.duplicate", "Je hebt deze bespreking al beoordeeld.");
        }

        var meeting = await db.Meetings.Include(m => m.Attendance).FirstAsync(m => m.Id == member.MeetingId, cancellationToken);
        try
        {
            db.MeetingEvaluations.Add(meeting.Evaluate(Guid.NewGuid(), member.UserId, score, remark, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            return HubResult<EvaluationSummary>.Fail(error.Code, error.Message);
        }

        await audit.RecordAsync(new AuditEvent("evaluate", "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        return HubResult<EvaluationSummary>.Success(await SummaryAsync(meeting.Id, cancellationToken));
    }

    public async Task<EvaluationSummary> SummaryAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var scores = await db.MeetingEvaluations.AsNoTracking().Where(e => e.MeetingId == meetingId).Select(e => e.Score).ToListAsync(cancellationToken);
        return new EvaluationSummary(scores.Count, scores.Count == 0 ? null : Math.Round(scores.Average(), 1));
    }
}
