using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// Mails caused by the clock rather than a change: the reminder the day before a meeting (from 24 hours before its
/// start) and the weekly digest of overdue actions (from Monday 08:00, Amsterdam time). Every node runs this; the
/// unique <see cref="OutboxMessage.DeduplicationKey"/> makes sure each mail is enqueued once however many try.
/// </summary>
public static class NotificationSchedule
{
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(MeetingCalendarFile.TimeZoneId);

    /// <summary>Open recommendations (agreed or in progress) with an owner and a due date before <paramref name="today"/>.</summary>
    public static IQueryable<Recommendation> Overdue(IQueryable<Recommendation> recommendations, DateOnly today) =>
        recommendations.Where(r => r.OwnerId != null && r.DueDate != null && r.DueDate < today
            && r.Status != RecommendationStatus.Done && r.Status != RecommendationStatus.Dropped);

    public static async Task EnqueueDueAsync(ProeftuinDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var wanted = new List<OutboxMessage>();

        var until = nowUtc + ReminderLead;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.ScheduledStartUtc > nowUtc && m.ScheduledStartUtc <= until)
            .Where(m => !db.MeetingCalendars.Any(c => c.MeetingId == m.Id && c.Cancelled))
            .Select(m => new { m.Id, m.NeighbourhoodId, m.ScheduledStartUtc })
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var members = await db.Memberships.AsNoTracking().Where(m => m.NeighbourhoodId == meeting.NeighbourhoodId).Select(m => m.ProfessionalId).ToListAsync(cancellationToken);

            // The start is part of the key: a meeting moved to another day gets a reminder for its new date.
            var start = meeting.ScheduledStartUtc.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
            wanted.AddRange(members.Select(member => new OutboxMessage
            {
                Kind = NotificationKind.MeetingReminder, RecipientId = member, MeetingId = meeting.Id, DeduplicationKey = $"reminder:{meeting.Id:N}:{start}:{member:N}",
            }));
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), Amsterdam);
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        if (local >= monday.AddHours(8))
        {
            var week = $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
            var owners = await Overdue(db.Recommendations.AsNoTracking(), DateOnly.FromDateTime(local)).Select(r => r.OwnerId!.Value).Distinct().ToListAsync(cancellationToken);
            wanted.AddRange(owners.Select(owner => new OutboxMessage { Kind = NotificationKind.OverdueDigest, RecipientId = owner, DeduplicationKey = $"digest:{week}:{owner:N}" }));
        }

        await AddMissingAsync(db, wanted, cancellationToken);
    }

    private static async Task AddMissingAsync(ProeftuinDbContext db, List<OutboxMessage> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return;
        }

        var keys = wanted.Select(m => m.DeduplicationKey!).ToList();
        var existing = (await db.OutboxMessages.Where(m => keys.Contains(m.DeduplicationKey!)).Select(m => m.DeduplicationKey!).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var message in wanted.Where(m => !existing.Contains(m.DeduplicationKey!)))
        {
            // One row at a time: when another node enqueued the same key in between, only that row fails its unique index.
            db.OutboxMessages.Add(message);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }
    }
}
