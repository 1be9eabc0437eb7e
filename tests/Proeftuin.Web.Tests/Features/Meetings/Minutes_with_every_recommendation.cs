using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The verslag as read and exported: every recommendation under the case it was written for (and the meeting as a
/// whole) with owner and due date in dd-mm-jjjj, the revealed writing round, the evaluation without names; and one date
/// — the day the meeting was held — in header, file name and CSV.
/// </summary>
public sealed class Minutes_with_every_recommendation(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task The_verslag_lists_recommendations_under_their_cases_with_owner_and_due_date_the_round_and_the_evaluation()
    {
        var past = await MeetingHeldADayLateAsync();
        using var kevin = await factory.SignedInAsync(Member);

        using var response = await kevin.GetAsync(new Uri($"/api/meetings/{past.Id}/minutes.md", UriKind.Relative));
        var text = (await response.Content.ReadAsStringAsync()).Replace("\r\n", "\n", StringComparison.Ordinal);

        response.EnsureSuccessStatusCode();
        var appendix = text[text.IndexOf("## Aanbevelingen per casus", StringComparison.Ordinal)..];
        var first = appendix.IndexOf($"### {past.Codes[0]}", StringComparison.Ordinal);
        var second = appendix.IndexOf($"### {past.Codes[1]}", StringComparison.Ordinal);
        var whole = appendix.IndexOf("### De bespreking als geheel", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < second && second < whole, appendix);
        var underSecond = appendix[second..whole];
        Assert.Contains($"- {past.ForSecondCase} (Klant centraal; Casus). Eigenaar: Joost Mulder. Deadline: 15-01-2027. Status: voorgesteld.", underSecond, StringComparison.Ordinal);
        Assert.Contains("- Geen.", appendix[first..second], StringComparison.Ordinal);
        Assert.Contains($"- {past.ForMeeting} (Randvoorwaarden; Stedelijk). Eigenaar: —. Deadline: —.", appendix[whole..], StringComparison.Ordinal);
        Assert.Contains("## Schrijfronde: Wat is de kern?\n\n- POH-GGZ: Rust in het gezin eerst.", appendix, StringComparison.Ordinal);
        Assert.Contains("Gemiddeld cijfer: 8,0 (1 beoordeling).", appendix, StringComparison.Ordinal);
        Assert.Contains("- Goed voorbereid.", appendix, StringComparison.Ordinal);
        Assert.DoesNotContain("Kevin Smit", appendix, StringComparison.Ordinal); // who wrote or rated what stays out
    }

    [Fact]
    public async Task The_verslag_is_dated_by_the_day_it_was_held_in_header_file_name_and_csv()
    {
        var past = await MeetingHeldADayLateAsync();
        using var kevin = await factory.SignedInAsync(Member);

        using var markdown = await kevin.GetAsync(new Uri($"/api/meetings/{past.Id}/minutes.md", UriKind.Relative));
        using var print = await kevin.GetAsync(new Uri($"/api/meetings/{past.Id}/minutes.html", UriKind.Relative));
        using var csv = await kevin.GetAsync(new Uri($"/api/meetings/{past.Id}/minutes.csv", UriKind.Relative));
        var text = await markdown.Content.ReadAsStringAsync();
        var page = await print.Content.ReadAsStringAsync();
        var rows = CsvReader.Parse(Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]), ',');

        var held = past.HeldLocal;
        Assert.Equal($"verslag-{held:yyyy-MM-dd}-concept.md", markdown.DownloadName()); // a draft says so
        Assert.Equal($"verslag-{held:yyyy-MM-dd}-concept.csv", csv.DownloadName());
        Assert.Contains($"Ondiep, {held.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.", page, StringComparison.Ordinal); // the export's header
        Assert.Contains(held.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), text, StringComparison.Ordinal); // the generated header
        Assert.DoesNotContain(past.PlannedLocal.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.Equal(held.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), r[0]));
        Assert.Contains(rows.Skip(1), r => r[^1] == "15-01-2027");
    }

    /// <summary>
    /// A closed meeting of Ondiep with two cases, planned for one day and held the next: a recommendation for the second
    /// case (owner and due date), one for the meeting as a whole, a revealed writing round and one rating.
    /// </summary>
    private Task<PastMeeting> MeetingHeldADayLateAsync() =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
            var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).OrderBy(c => c.Code).Take(2).ToListAsync();
            var chair = await db.Professionals.SingleAsync(p => p.Email == "joost.mulder@demo.proeftuin.nl");
            var kevin = await db.Professionals.SingleAsync(p => p.Email == Member);
            var planned = DateTime.UtcNow.Date.AddDays(-Random.Shared.Next(40, 4000)).AddHours(12);
            var held = planned.AddDays(1);
            var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Uitgestelde bespreking {planned:yyyy-MM-dd}", planned, chair.Id);
            foreach (var caseFile in cases)
            {
                meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
            }

            meeting.Start(held);
            meeting.RecordAttendance(kevin.Id, held);
            var round = new WritingRound(Guid.NewGuid(), meeting, "Wat is de kern?", held.AddMinutes(5));
            round.Write(kevin.Id, "Rust in het gezin eerst.", held.AddMinutes(6));
            round.Reveal(held.AddMinutes(7));
            var tag = $"x{Random.Shared.Next(100_000, 1_000_000)}";
            var forCase = new Recommendation(Guid.NewGuid(), neighbourhood.Id, meeting.Id, cases[1].Id,
                new RecommendationDetails { Text = $"Vaste contactpersoon {tag}", Pillars = VisionPillar.ClientCentred, Level = RecommendationLevel.Case, OwnerId = chair.Id, DueDate = new DateOnly(2027, 1, 15) },
                kevin.Id, held.AddMinutes(20));
            var forMeeting = new Recommendation(Guid.NewGuid(), neighbourhood.Id, meeting.Id, null,
                new RecommendationDetails { Text = $"Wachttijden stedelijk agenderen {tag}", Pillars = VisionPillar.Preconditions, Level = RecommendationLevel.City },
                kevin.Id, held.AddMinutes(30));
            meeting.Close(0, held.AddMinutes(50));
            var evaluation = meeting.Evaluate(Guid.NewGuid(), kevin.Id, 8, "Goed voorbereid.", held.AddMinutes(55));
            var local = TimeZoneInfo.ConvertTimeFromUtc(held, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
            var minutes = MeetingMinutes.For(meeting, new MinutesContent(meeting.Title, neighbourhood.Name, local, [Discipline.MentalHealthPracticeNurse],
                [.. cases.Select(c => new MinutesCase(c.Code, c.Title, c.Text, c.Id == cases[1].Id ? [forCase] : []))]), held.AddMinutes(50));
            db.Meetings.Add(meeting);
            db.WritingRounds.Add(round);
            db.Recommendations.AddRange(forCase, forMeeting);
            db.MeetingEvaluations.Add(evaluation);
            db.MeetingMinutes.Add(minutes);
            await db.SaveChangesAsync();
            var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
            return new PastMeeting(meeting.Id, [cases[0].Code, cases[1].Code], forCase.Text, forMeeting.Text,
                TimeZoneInfo.ConvertTimeFromUtc(held, amsterdam), TimeZoneInfo.ConvertTimeFromUtc(planned, amsterdam));
        });

    private sealed record PastMeeting(Guid Id, IReadOnlyList<string> Codes, string ForSecondCase, string ForMeeting, DateTime HeldLocal, DateTime PlannedLocal);
}
