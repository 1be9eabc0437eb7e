using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// A verslag for a member of its meeting's wijk, as the API's verslag calls need it first: the meeting, membership
/// (a refusal audit-logged under the caller's action), then the text as it stands.
/// </summary>
public sealed class MemberMinutes(ProeftuinDbContext db, NeighbourhoodAccess access, MinutesTexts texts, AuditLog audit)
{
    public async Task<MemberMinutesResult> ForAsync(Guid meetingId, string action, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return new(null, null, ProblemResults.NotFound("Deze bespreking"));
        }

        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return new(meeting, null, ProblemResults.Forbidden());
        }

        var minutes = await texts.ForMeetingAsync(meetingId, cancellationToken);
        return minutes is null
            ? new(meeting, null, ProblemResults.NotFound("Het verslag van deze bespreking"))
            : new(meeting, minutes, null);
    }
}

/// <param name="Problem">Set when the caller may not go on; then <see cref="Minutes"/> is null.</param>
public sealed record MemberMinutesResult(Meeting? Meeting, MinutesText? Minutes, ProblemHttpResult? Problem);
