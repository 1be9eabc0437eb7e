using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// The hooks of the planning and minutes code: each adds outbox rows to the caller's context, so they are written by the
/// caller's own SaveChanges, in the same transaction as the change (a meeting is never planned without its invitations,
/// nor invitations sent for a meeting that was not saved). Call them after the change and before SaveChanges. Every
/// member of the meeting's wijk is a recipient; their preferences are applied when the mail is sent.
/// </summary>
public static class MeetingNotifications
{
    /// <summary>A new meeting: an invitation (METHOD:REQUEST, SEQUENCE 0) to every member.</summary>
    public static async Task PlannedAsync(ProeftuinDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        db.MeetingCalendars.Add(new MeetingCalendar { MeetingId = meeting.Id, Sequence = 0 });
        await EnqueueAsync(db, meeting, NotificationKind.MeetingPlanned, 0, cancellationToken);
    }

    /// <summary>Time or title changed: an update of the same calendar entry (same UID, next SEQUENCE).</summary>
    public static async Task ChangedAsync(ProeftuinDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var calendar = await CalendarOfAsync(db, meeting, cancellationToken);
        calendar.Sequence++;
        await EnqueueAsync(db, meeting, NotificationKind.MeetingChanged, calendar.Sequence, cancellationToken);
    }

    /// <summary>Called off: a cancellation of the same calendar entry (METHOD:CANCEL, next SEQUENCE).</summary>
    public static async Task CancelledAsync(ProeftuinDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var calendar = await CalendarOfAsync(db, meeting, cancellationToken);
        calendar.Sequence++;
        calendar.Cancelled = true;
        await EnqueueAsync(db, meeting, NotificationKind.MeetingCancelled, calendar.Sequence, cancellationToken);
    }

    /// <summary>The chair made the verslag final: a link to it for every member.</summary>
    public static Task MinutesFinalAsync(ProeftuinDbContext db, Meeting meeting, CancellationToken cancellationToken) =>
        EnqueueAsync(db, meeting, NotificationKind.MinutesFinal, 0, cancellationToken);

    private static async Task<MeetingCalendar> CalendarOfAsync(ProeftuinDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        // A meeting planned before the outbox existed has no calendar row yet: its invitation was never sent, so its
        // first update starts at SEQUENCE 1 all the same.
        var calendar = await db.MeetingCalendars.FirstOrDefaultAsync(c => c.MeetingId == meeting.Id, cancellationToken);
        if (calendar is null)
        {
            calendar = new MeetingCalendar { MeetingId = meeting.Id, Sequence = 0 };
            db.MeetingCalendars.Add(calendar);
        }

        return calendar;
    }

    private static async Task EnqueueAsync(ProeftuinDbContext db, Meeting meeting, NotificationKind kind, int sequence, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.Where(m => m.NeighbourhoodId == meeting.NeighbourhoodId).Select(m => m.ProfessionalId).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            db.OutboxMessages.Add(new OutboxMessage { Kind = kind, RecipientId = member, MeetingId = meeting.Id, CalendarSequence = sequence });
        }
    }
}
