using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Persistence;

public sealed class Domain_round_trips
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [AllProviders]
    public async Task Case_file_keeps_themes_text_and_utc_times(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, author) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var caseId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var caseFile = new CaseFile(caseId, neighbourhood.Id, CaseCode.Create("OND", 2026, 7), "Meisje met angst", AgeBand.Child, ["angst", "school"], author.Id, Now);
            caseFile.RecordText("# Meisje met angst\n\nTekst met é en ‘quotes’.", 12, Now.AddMinutes(5));
            db.CaseFiles.Add(caseFile);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.CaseFiles.SingleAsync(c => c.Id == caseId);
            Assert.Equal("OND-2026-007", loaded.Code);
            Assert.Equal(["angst", "school"], loaded.Themes);
            Assert.Equal(12, loaded.Revision);
            Assert.Contains("‘quotes’", loaded.Text, StringComparison.Ordinal);
            Assert.Equal(DateTimeKind.Utc, loaded.UpdatedAtUtc.Kind);
            Assert.Equal(Now.AddMinutes(5), loaded.UpdatedAtUtc);
        }
    }

    [Theory]
    [AllProviders]
    public async Task Case_code_is_unique_within_a_wijk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, author) = await TestNeighbourhoods.AddWithChairAsync(database, "BIN");
        await using var db = database.CreateContext();
        db.CaseFiles.Add(new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create("BIN", 2026, 1), "Eerste", AgeBand.Child, [], author.Id, Now));
        db.CaseFiles.Add(new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create("BIN", 2026, 1), "Tweede", AgeBand.Child, [], author.Id, Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [AllProviders]
    public async Task Stale_recommendation_edit_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, author) = await TestNeighbourhoods.AddWithChairAsync(database, "LR");
        var id = Guid.NewGuid();
        var details = new RecommendationDetails { Text = "Eén regiehouder", Pillars = VisionPillar.ProfessionalCoordination, Level = RecommendationLevel.Neighbourhood, AddressedTo = [Discipline.FamilyWorker], OwnerId = author.Id, DueDate = new DateOnly(2026, 12, 31) };
        await using (var db = database.CreateContext())
        {
            db.Recommendations.Add(new Recommendation(id, neighbourhood.Id, null, null, details, author.Id, Now));
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Recommendations.SingleAsync(r => r.Id == id);
        var theirs = await second.Recommendations.SingleAsync(r => r.Id == id);
        mine.Edit(1, details with { Text = "Mijn versie" }, Now);
        theirs.Edit(1, details with { Text = "Hun versie" }, Now);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        var stored = await check.Recommendations.SingleAsync(r => r.Id == id);
        Assert.Equal("Mijn versie", stored.Text);
        Assert.Equal([Discipline.FamilyWorker], stored.AddressedTo);
        Assert.Equal(new DateOnly(2026, 12, 31), stored.DueDate);
    }

    [Theory]
    [AllProviders]
    public async Task Meeting_keeps_agenda_order_phase_and_attendance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, chair) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var meetingId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var first = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create("OND", 2026, 1), "Eerste", AgeBand.Child, [], chair.Id, Now);
            var second = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create("OND", 2026, 2), "Tweede", AgeBand.Adolescent, [], chair.Id, Now);
            var meeting = new Meeting(meetingId, neighbourhood.Id, "Bespreking", Now.AddDays(1), chair.Id);
            meeting.AddToAgenda(Guid.NewGuid(), first, 30);
            meeting.AddToAgenda(Guid.NewGuid(), second, 20);
            meeting.Start(Now.AddDays(1));
            meeting.RecordAttendance(chair.Id, Now.AddDays(1));
            meeting.AdvancePhase(Now.AddDays(1));
            db.CaseFiles.AddRange(first, second);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Meetings.Include(m => m.Agenda).Include(m => m.Attendance).SingleAsync(m => m.Id == meetingId);
            Assert.Equal(MeetingStatus.Live, loaded.Status);
            Assert.Equal([30, 20], loaded.Agenda.Select(a => a.TimeboxMinutes));
            Assert.Equal(MeetingPhase.Clarification, loaded.CurrentItem!.Phase);
            Assert.Single(loaded.Attendance);
        }
    }

    [Theory]
    [AllProviders]
    public async Task Cancelled_meeting_keeps_its_reason_and_items_their_phase_timer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, chair) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var meetingId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create("OND", 2026, 3), "Derde", AgeBand.Child, [], chair.Id, Now);
            var meeting = new Meeting(meetingId, neighbourhood.Id, "Gaat niet door", Now.AddDays(7), chair.Id);
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, 45);
            meeting.Cancel("Te weinig casussen ‘deze’ maand", Now);
            db.CaseFiles.Add(caseFile);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
            Assert.Equal(MeetingStatus.Cancelled, loaded.Status);
            Assert.Equal("Te weinig casussen ‘deze’ maand", loaded.CancellationReason);
            Assert.Equal(Now, loaded.CancelledAtUtc);
            Assert.Equal(9 * 60, loaded.Agenda[0].PhaseSeconds);
        }
    }
}
