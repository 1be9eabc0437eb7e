using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>The text of a verslag as it stands: fixed when final, otherwise the latest revision in the op log.</summary>
public sealed class MinutesTexts(ProeftuinDbContext db, DocumentStore store)
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
            return new MinutesText(minutes.FinalText!, minutes.FinalRevision!.Value, IsFinal: true);
        }

        var (text, revision) = await store.TextAtAsync(MeetingHub.MinutesDocument(meetingId), minutes.GeneratedText, long.MaxValue, cancellationToken);
        return new MinutesText(text, revision, IsFinal: false);
    }
}

public sealed record MinutesText(string Text, long Revision, bool IsFinal);
