using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The chair edits a planned meeting from the form (title, start, agenda order, cases on and off, timeboxes) and cancels
/// it with a reason after a confirmation; members then see "geannuleerd" with the reason; only the chair may.
/// </summary>
public sealed class Edit_meeting_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";

    [Fact]
    public async Task Chair_reschedules_reorders_adds_and_removes_cases_and_the_typed_fields_are_kept()
    {
        var (meetingId, items) = await PlanAsync("Bewerken", 2);
        var page = $"/besprekingen/{meetingId}/bewerken";
        var addable = await AddableCaseAsync(meetingId);
        using var joost = await factory.SignedInAsync(Chair);

        var form = await joost.OpenAsync(page);
        var moved = await joost.SubmitAsync(page, $"{page}?handler=Move&item={items[1]}&step=-1", Fields("Casuïstiek april", "2027-04-08", "19:00", (items[0], 40), (items[1], 25)));
        var added = await joost.SubmitAsync(page, $"{page}?handler=Add", Fields("Casuïstiek april", "2027-04-08", "19:00", (items[0], 40), (items[1], 25))
            .With("AddCaseId", addable.ToString()).With("AddMinutes", "15"));
        var removed = await joost.SubmitAsync(page, $"{page}?handler=Remove&item={items[0]}", Fields("Casuïstiek april", "2027-04-08", "19:00", (items[0], 40), (items[1], 25)));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Omhoog", form.Text, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{await CaseNameAsync(items[1])} omhoog\"", form.Text, StringComparison.Ordinal);
        Assert.Contains("De volgorde van de agenda is aangepast.", moved.Text, StringComparison.Ordinal);
        Assert.Contains("De casus staat op de agenda.", added.Text, StringComparison.Ordinal);
        Assert.Contains("De casus is van de agenda gehaald.", removed.Text, StringComparison.Ordinal);
        Assert.Equal(page, removed.Landed.AbsolutePath);
        var meeting = await factory.QueryAsync(db => db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal("Casuïstiek april", meeting.Title);
        Assert.Equal(new DateTime(2027, 4, 8, 17, 0, 0, DateTimeKind.Utc), meeting.ScheduledStartUtc);
        Assert.Equal([(items[1], 25), (meeting.Agenda[1].Id, 15)], meeting.Agenda.Select(a => (a.Id, a.TimeboxMinutes)));
        Assert.Equal(addable, meeting.Agenda[1].CaseFileId);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == meetingId.ToString() && e.Action == "agenda-move" && e.Outcome == "success")));
    }

    [Fact]
    public async Task Invalid_changes_show_Dutch_errors_and_change_nothing()
    {
        var (meetingId, items) = await PlanAsync("Ongewijzigd", 2);
        var page = $"/besprekingen/{meetingId}/bewerken";
        var otherNeighbourhoodCase = await factory.FirstCaseIdAsync("binnenstad");
        using var joost = await factory.SignedInAsync(Chair);

        var empty = await joost.SubmitAsync(page, $"{page}?handler=Save", Fields("", "", "", (items[0], 500), (items[1], 30)));
        var lastDown = await joost.SubmitAsync(page, $"{page}?handler=Move&item={items[1]}&step=1", Fields("Ongewijzigd", "2027-05-13", "19:00", (items[0], 30), (items[1], 30)));
        var foreign = await joost.SubmitAsync(page, $"{page}?handler=Add", Fields("Ongewijzigd", "2027-05-13", "19:00", (items[0], 30), (items[1], 30)).With("AddCaseId", otherNeighbourhoodCase.ToString()));
        var noReason = await joost.SubmitAsync(page, $"{page}?handler=Cancel", new Dictionary<string, string> { ["CancelReason"] = " " });
        var identifying = await joost.SubmitAsync(page, $"{page}?handler=CancelConfirmed", new Dictionary<string, string> { ["CancelReason"] = "Broer Storm (11) is opgenomen" });

        Assert.Contains("id=\"Title-fout\">Geef de bespreking een titel.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een datum.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Een tijdvak duurt 5 tot 120 minuten.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een plaats van 1 tot 2 op de agenda.", lastDown.Text, StringComparison.Ordinal);
        Assert.Contains("Alleen casussen van de eigen wijk kunnen op de agenda.", foreign.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"CancelReason-fout\">Geef een reden voor het annuleren.</p>", noReason.Text, StringComparison.Ordinal);
        Assert.Contains("mogelijk identificerend", identifying.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data-testid=\"cancel-confirmation\"", identifying.Html, StringComparison.Ordinal);
        var meeting = await factory.QueryAsync(db => db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal("Ongewijzigd", meeting.Title);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(items, meeting.Agenda.Select(a => a.Id));
    }

    [Fact]
    public async Task Chair_cancels_with_a_reason_after_confirming_and_members_see_it()
    {
        // Tomorrow, so that it would be the wijk's next meeting on the home page if it were not cancelled.
        var tomorrow = DateTime.UtcNow.Date.AddDays(1).AddHours(16).AddMinutes(7);
        var (meetingId, _) = await PlanAsync("Gaat niet door", 1, tomorrow);
        var page = $"/besprekingen/{meetingId}/bewerken";
        using var joost = await factory.SignedInAsync(Chair);
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var asked = await joost.SubmitAsync(page, $"{page}?handler=Cancel", new Dictionary<string, string> { ["CancelReason"] = "Te weinig casussen deze maand" });
        var homeBefore = await kevin.OpenAsync("/");
        var stillPlanned = await factory.QueryAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync());
        var cancelled = await joost.SubmitAsync(page, $"{page}?handler=CancelConfirmed", new Dictionary<string, string> { ["CancelReason"] = "Te weinig casussen deze maand" });
        var neighbourhood = await kevin.OpenAsync("/wijken/ondiep");
        var room = await kevin.OpenAsync($"/besprekingen/{meetingId}");
        var editAfter = await joost.OpenAsync(page);
        var home = await kevin.OpenAsync("/");

        Assert.Contains("data-testid=\"cancel-confirmation\"", asked.Html, StringComparison.Ordinal);
        Assert.Contains("Weet je zeker dat je ‘Gaat niet door’ wilt annuleren?", asked.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Planned, stillPlanned);
        Assert.Equal("/wijken/ondiep", cancelled.Landed.AbsolutePath);
        Assert.Contains("De bespreking ‘Gaat niet door’ is geannuleerd.", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("Geannuleerd: Te weinig casussen deze maand", neighbourhood.Text, StringComparison.Ordinal);
        Assert.Contains("Deze bespreking is geannuleerd en gaat niet door. Reden: Te weinig casussen deze maand", room.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("room.js", room.Html, StringComparison.Ordinal);
        Assert.Equal($"/besprekingen/{meetingId}", editAfter.Landed.AbsolutePath);
        var shown = TimeZoneInfo.ConvertTimeFromUtc(tomorrow, Web.Infrastructure.Localization.AmsterdamTime.Zone).ToString("d MMMM yyyy, HH:mm", new System.Globalization.CultureInfo("nl-NL"));
        Assert.Contains(shown, homeBefore.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(shown, home.Text, StringComparison.Ordinal); // a cancelled meeting is nobody's next meeting
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == meetingId.ToString() && e.Action == "cancel" && e.Outcome == "success")));
    }

    [Fact]
    public async Task Member_who_is_not_chair_cannot_edit_or_cancel()
    {
        var (meetingId, items) = await PlanAsync("Alleen de voorzitter", 2);
        var page = $"/besprekingen/{meetingId}/bewerken";
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var form = await kevin.OpenAsync(page);
        var cancel = await kevin.SubmitAsync("/", $"{page}?handler=CancelConfirmed", new Dictionary<string, string> { ["CancelReason"] = "Ongeoorloofd" });
        var move = await kevin.SubmitAsync("/", $"{page}?handler=Move&item={items[1]}&step=-1", Fields("Alleen de voorzitter", "2027-05-13", "19:00", (items[0], 30), (items[1], 30)));

        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, cancel.Status);
        Assert.Equal(HttpStatusCode.Forbidden, move.Status);
        var meeting = await factory.QueryAsync(db => db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(items, meeting.Agenda.Select(a => a.Id));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == meetingId.ToString() && e.Action == "edit" && e.Outcome == "denied")));
    }

    [Fact]
    public async Task The_meetings_list_shows_upcoming_meetings_soonest_first()
    {
        await PlanAsync("Bespreking 16 december", 1, new DateTime(2027, 12, 16, 18, 0, 0, DateTimeKind.Utc));
        await PlanAsync("Bespreking 9 december", 1, new DateTime(2027, 12, 9, 18, 0, 0, DateTimeKind.Utc));
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var neighbourhood = await kevin.OpenAsync("/wijken/ondiep");

        var ninth = neighbourhood.Text.IndexOf("Bespreking 9 december", StringComparison.Ordinal);
        var sixteenth = neighbourhood.Text.IndexOf("Bespreking 16 december", StringComparison.Ordinal);
        Assert.True(ninth > 0 && ninth < sixteenth, "9 December is listed above 16 December");
    }

    private static Dictionary<string, string> Fields(string title, string date, string time, params (Guid Item, int Minutes)[] timeboxes)
    {
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Date"] = date, ["Time"] = time };
        foreach (var (item, minutes) in timeboxes)
        {
            fields[$"Minutes[{item}]"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    /// <summary>A planned meeting of Ondiep with the first <paramref name="cases"/> cases of the wijk, 30 minutes each.</summary>
    private async Task<(Guid Meeting, Guid[] Items)> PlanAsync(string title, int cases, DateTime? startUtc = null)
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        return await factory.QueryAsync(async db =>
        {
            var chair = await db.Professionals.SingleAsync(p => p.Email == Chair);
            var files = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep).OrderBy(c => c.Code).Take(cases).ToListAsync();
            var meeting = new Meeting(Guid.NewGuid(), ondiep, title, startUtc ?? new DateTime(2027, 5, 13, 17, 0, 0, DateTimeKind.Utc), chair.Id);
            foreach (var file in files)
            {
                meeting.AddToAgenda(Guid.NewGuid(), file, 30);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, meeting.Agenda.Select(a => a.Id).ToArray());
        });
    }

    private Task<string> CaseNameAsync(Guid agendaItemId) => factory.QueryAsync(db => (
        from a in db.Set<AgendaItem>()
        join c in db.CaseFiles on a.CaseFileId equals c.Id
        where a.Id == agendaItemId
        select c.Code + " — " + c.Title).SingleAsync());

    private Task<Guid> AddableCaseAsync(Guid meetingId) => factory.QueryAsync(async db =>
    {
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
        var onAgenda = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        return await db.CaseFiles.Where(c => c.NeighbourhoodId == meeting.NeighbourhoodId && !onAgenda.Contains(c.Id) && c.Status != Core.Cases.CaseStatus.Archived)
            .OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
    });
}

internal static class FormFields
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }
}
