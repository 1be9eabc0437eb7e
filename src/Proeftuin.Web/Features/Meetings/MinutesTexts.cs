using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The text of a verslag as it stands: fixed when final, otherwise the latest revision in the op log; followed by the
/// <see cref="MinutesAppendix"/> (recommendations per case, writing rounds, evaluation) read from the records.
/// </summary>
public sealed class MinutesTexts(ProeftuinDbContext db, DocumentStore store, MinutesAppendix appendix)
{
    public async Task<MinutesText?> ForMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var minutes = await db.MeetingMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId, cancellationToken);
        if (minutes is null)
        {
            return null;
        }

        if (minutes.IsFinal)
        {
            return new MinutesText(minutes.FinalText!, minutes.FinalRevision!.Value, IsFinal: true, await appendix.ForMeetingAsync(meetingId, cancellationToken));
        }

        var (text, revision) = await store.TextAtAsync(MeetingHub.MinutesDocument(meetingId), minutes.GeneratedText, long.MaxValue, cancellationToken);
        return new MinutesText(text, revision, IsFinal: false, await appendix.ForMeetingAsync(meetingId, cancellationToken));
    }
}

/// <param name="Text">The co-edited verslag (what the guard checks and the chair makes final).</param>
/// <param name="Appendix">The part read from the records, trusted: its texts were guarded when saved, or are screened.</param>
public sealed record MinutesText(string Text, long Revision, bool IsFinal, string Appendix)
{
    /// <summary>What is read, printed and exported: the text, then the appendix.</summary>
    public string Full => $"{Text.TrimEnd()}\n\n{Appendix}";
}
