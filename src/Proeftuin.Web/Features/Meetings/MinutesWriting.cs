using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The verslag of a meeting: written when the meeting closes, then co-edited in the room like a case text, until the
/// chair makes it final (only without an open anonymisation finding, since a verslag leaves the wijk in exports).
/// Changes are tracked on the shared context and saved by the use case that made them (<see cref="MeetingConduct"/>).
/// </summary>
public sealed class MinutesWriting(ProeftuinDbContext db, LiveDocuments documents, Anonymization.TextGuard textGuard)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Writes the verslag of a meeting that is closing: attendance by discipline, per case the question, conclusions and recommendations.</summary>
    public async Task WriteAsync(Meeting meeting, IReadOnlyDictionary<Guid, string> finalTexts, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var attendeeIds = meeting.Attendance.Select(a => a.ProfessionalId).ToList();
        var disciplines = await db.Professionals.AsNoTracking().Where(p => attendeeIds.Contains(p.Id)).Select(p => p.Discipline).ToListAsync(cancellationToken);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        var content = new MinutesContent(
            meeting.Title,
            await db.Neighbourhoods.Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Name).FirstAsync(cancellationToken),
            TimeZoneInfo.ConvertTimeFromUtc(meeting.StartedAtUtc ?? meeting.ScheduledStartUtc, Amsterdam),
            disciplines,
            [.. meeting.Agenda.Select(a => new MinutesCase(
                cases[a.CaseFileId].Code,
                cases[a.CaseFileId].Title,
                finalTexts.GetValueOrDefault(a.CaseFileId) ?? cases[a.CaseFileId].Text,
                [.. recommendations.Where(r => r.CaseFileId == a.CaseFileId)]))]);
        db.MeetingMinutes.Add(MeetingMinutes.For(meeting, content, nowUtc));
    }

    /// <summary>
    /// Makes the verslag final with its live text when the guard finds nothing open; otherwise returns the guard's
    /// refusal and changes nothing.
    /// </summary>
    public async Task<Anonymization.GuardVerdict> FinaliseAsync(Guid meetingId, Guid chairId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var minutes = await db.MeetingMinutes.FirstOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken)
            ?? throw new DomainException("minutes.none", "Er is nog geen verslag: sluit eerst de bespreking.");
        var (text, revision) = await LiveTextAsync(meetingId, minutes.GeneratedText, cancellationToken);
        var verdict = await textGuard.CheckMinutesAsync(meetingId, text, cancellationToken);
        if (verdict.IsClear)
        {
            minutes.Finalise(text, revision, chairId, nowUtc);
        }

        return verdict;
    }

    public Task<MinutesView?> ViewAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => MinutesView.Of(m)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The verslag as a room document (none before closing), with its open findings while it is still a draft.</summary>
    public async Task<DocumentState?> StateAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var minutes = await db.MeetingMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
        if (minutes is null)
        {
            return null;
        }

        if (minutes.IsFinal)
        {
            return new DocumentState(DocumentId.ForMinutes(meetingId), "Verslag (definitief)", minutes.FinalText!, minutes.FinalRevision!.Value, []);
        }

        var (text, revision) = await LiveTextAsync(meetingId, minutes.GeneratedText, cancellationToken);
        var verdict = await textGuard.CheckMinutesAsync(meetingId, text, cancellationToken);
        return new DocumentState(DocumentId.ForMinutes(meetingId), "Verslag", text, revision, [.. verdict.Findings.Select(Anonymization.FindingDto.From)]);
    }

    private async Task<(string Text, long Revision)> LiveTextAsync(Guid meetingId, string generated, CancellationToken cancellationToken)
    {
        var session = await documents.GetAsync(DocumentId.ForMinutes(meetingId), generated, cancellationToken);
        await documents.RefreshAsync(session, cancellationToken);
        return await session.SnapshotAsync(cancellationToken);
    }
}
