using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Data.Providers;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Notifications;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The chair plans a meeting through the API; every member gets an invitation whose .ics (read back with Ical.Net)
/// starts at the planned time in Europe/Amsterdam; a reschedule updates the same entry (same UID, higher SEQUENCE) and a
/// cancellation cancels it. The mail holds no case text, and a title with identifying text is never sent.
/// </summary>
public sealed class Meeting_invitations
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";

    [Fact]
    public async Task Planned_changed_and_cancelled_mails_carry_one_calendar_entry_in_Amsterdam_time()
    {
        await using var app = OutboxAppFactory.On(DatabaseProvider.Sqlite);
        var (meetingId, members, caseText) = await PlanAsync(app, "Casuïstiek januari", new DateTimeOffset(2027, 1, 14, 12, 0, 0, TimeSpan.FromHours(1)));
        var worker = app.Services.GetRequiredService<OutboxDispatcher>();
        await worker.RunOnceAsync(CancellationToken.None);
        var invitations = Calendars(app, "Uitnodiging: Casuïstiek januari");

        await ChangeAsync(app, meetingId, (db, meeting) =>
        {
            meeting.Reschedule(meeting.Title, new DateTime(2027, 7, 1, 8, 30, 0, DateTimeKind.Utc));
            return MeetingNotifications.ChangedAsync(db, meeting, CancellationToken.None);
        });
        await worker.RunOnceAsync(CancellationToken.None);
        var updates = Calendars(app, "Gewijzigd: Casuïstiek januari");
        await ChangeAsync(app, meetingId, (db, meeting) => MeetingNotifications.CancelledAsync(db, meeting, CancellationToken.None));
        await worker.RunOnceAsync(CancellationToken.None);
        var cancellations = Calendars(app, "Geannuleerd: Casuïstiek januari");

        Assert.Equal(members.Order(), invitations.Select(i => i.To).Order());
        var invitation = invitations[0].Calendar;
        var first = Assert.Single(invitation.Events);
        Assert.Equal("REQUEST", invitation.Method);
        Assert.Equal("Europe/Amsterdam", first.Start!.TzId);
        Assert.Equal(new DateTime(2027, 1, 14, 12, 0, 0), first.Start.Value);
        Assert.Equal(new DateTime(2027, 1, 14, 11, 0, 0, DateTimeKind.Utc), first.Start.AsUtc);
        Assert.Equal(0, first.Sequence);

        var update = Assert.Single(updates[0].Calendar.Events);
        Assert.Equal(members.Count, updates.Count);
        Assert.Equal(first.Uid, update.Uid);
        Assert.True(update.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2027, 7, 1, 10, 30, 0), update.Start!.Value); // summer time: UTC+2

        var cancel = Assert.Single(cancellations[0].Calendar.Events);
        Assert.Equal("CANCEL", cancellations[0].Calendar.Method);
        Assert.Equal(first.Uid, cancel.Uid);
        Assert.True(cancel.Sequence > update.Sequence);
        Assert.Equal(EventStatus.Cancelled, cancel.Status);

        Assert.All(app.Delivered, m => Assert.DoesNotContain(caseText, m.TextBody ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invitation_whose_title_names_someone_is_never_sent()
    {
        await using var app = OutboxAppFactory.On(DatabaseProvider.Sqlite);
        await PlanAsync(app, "Overleg", DateTimeOffset.UtcNow.AddDays(30));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A title typed before the guard looked at it (as an older row would be): bel 06-12345678.
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE Meetings SET Title = 'Overleg, bel moeder 06-12345678' WHERE Title = 'Overleg'");
        }

        await app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(app.Delivered, m => m.Subject!.Contains("Overleg", StringComparison.Ordinal));
        await using var check = app.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<ProeftuinDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationKind.MeetingPlanned).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("anonymization.open", r.LastError, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("06-12345678", r.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_who_switched_invitations_off_gets_none()
    {
        await using var app = OutboxAppFactory.On(DatabaseProvider.Sqlite);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            var kevin = await db.Professionals.SingleAsync(p => p.Email == "kevin.smit@demo.proeftuin.nl");
            db.NotificationPreferences.Add(new NotificationPreference { ProfessionalId = kevin.Id, Topic = NotificationTopic.Meetings, Enabled = false });
            await db.SaveChangesAsync();
        }

        var (_, members, _) = await PlanAsync(app, "Casuïstiek maart", DateTimeOffset.UtcNow.AddDays(40));
        await app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        var invited = Calendars(app, "Uitnodiging: Casuïstiek maart").Select(i => i.To).ToList();

        Assert.DoesNotContain("kevin.smit@demo.proeftuin.nl", invited);
        Assert.Equal(members.Where(m => m != "kevin.smit@demo.proeftuin.nl").Order(), invited.Order());
    }

    private static async Task<(Guid MeetingId, List<string> Members, string CaseText)> PlanAsync(OutboxAppFactory app, string title, DateTimeOffset start)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var caseFile = await db.CaseFiles.FirstAsync(c => c.NeighbourhoodId == neighbourhood.Id && c.Status != Core.Cases.CaseStatus.Archived);
        var members = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood.Id).Join(db.Professionals, m => m.ProfessionalId, p => p.Id, (_, p) => p.Email).ToListAsync();
        var chair = await app.SignedInAsync(Chair);
        using var planned = await chair.PostAsJsonAsync($"/api/neighbourhoods/{neighbourhood.Id}/meetings", new PlanMeetingRequest(title, start, [new PlannedAgendaItem(caseFile.Id, 30)]));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var meeting = (await planned.Content.ReadFromJsonAsync<MeetingDto>())!;
        return (meeting.Id, members, caseFile.Title);
    }

    private static async Task ChangeAsync(OutboxAppFactory app, Guid meetingId, Func<ProeftuinDbContext, Core.Meetings.Meeting, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
        await change(db, meeting);
        await db.SaveChangesAsync();
    }

    private static List<(string To, Calendar Calendar)> Calendars(OutboxAppFactory app, string subject) =>
        [.. app.Delivered.Where(m => m.Subject!.StartsWith(subject, StringComparison.Ordinal)).Select(m =>
        {
            var ics = m.Attachments.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
            Assert.Equal(m.Subject!.StartsWith("Geannuleerd", StringComparison.Ordinal) ? "CANCEL" : "REQUEST", ics.ContentType.Parameters["method"]);
            return (m.To.Mailboxes.Single().Address, Calendar.Load(ics.Text)!);
        })];
}
