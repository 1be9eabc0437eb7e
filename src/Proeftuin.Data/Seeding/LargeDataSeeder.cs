using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Seeding;

/// <summary>
/// Volume for measuring (issue #8): on top of the demo data, extra wijken with thousands of anonymous cases in the
/// Utrecht template, closed meetings over them and tens of thousands of recommendations over all pillars, levels,
/// statuses and owners. Deterministic (fixed seed) so that figures can be repeated. The demo chair of Leidsche Rijn
/// chairs every extra wijk, so one demo account reaches all of it.
/// </summary>
public sealed class LargeDataSeeder(ProeftuinDbContext db, TimeProvider time)
{
    public const int ExtraNeighbourhoods = 17;
    private const int CasesPerMeeting = 5;
    private const int BatchSize = 500;

    private static readonly string[] Complaints =
    [
        "angstig", "somber", "boos", "teruggetrokken", "druk", "slaapt slecht", "eet weinig", "huilbuien", "piekert veel",
        "spanningsklachten", "buikpijn zonder lichamelijke oorzaak", "faalangst", "schoolverzuim", "conflicten thuis",
    ];

    private static readonly string[] Contexts =
    [
        "na een verhuizing", "sinds de scheiding van de ouders", "rond de overgang naar de middelbare school",
        "sinds het overlijden van een grootouder", "na pesterijen op school", "bij financiële zorgen in het gezin",
        "sinds de geboorte van een broertje", "bij langdurige ziekte van een ouder",
    ];

    private static readonly string[] Strengths =
    [
        "sport graag", "heeft een goede band met een leerkracht", "ouders zijn betrokken", "heeft een hechte vriendengroep",
        "is creatief", "grootouders helpen mee", "is gemotiveerd voor hulp",
    ];

    private static readonly string[] Advice =
    [
        "Normaliseren en psycho-educatie voor ouders", "Korte behandeling bij de POH-GGZ", "Overleg met school over ondersteuning",
        "Opvoedondersteuning thuis door het buurtteam", "Eén vaste contactpersoon voor het gezin", "Verwijzen naar specialistische GGZ",
        "Wachttijdoverbrugging afspreken", "Gezamenlijk huisbezoek jeugdarts en gezinswerker", "Aandacht voor de eigen klachten van ouder",
    ];

    /// <summary>Adds <paramref name="cases"/> cases and <paramref name="recommendations"/> recommendations; progress goes to <paramref name="progress"/>.</summary>
    public async Task SeedAsync(int cases, int recommendations, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cases);
        ArgumentOutOfRangeException.ThrowIfNegative(recommendations);
        await new DemoDataSeeder(db, time).SeedAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261130);
        var now = time.GetUtcNow().UtcDateTime;

        var chairEmail = DemoAccounts.All.First(a => a.Memberships.Any(m => m.Neighbourhood == "LR" && m.Role == MembershipRole.Chair)).Email;
        var chair = await db.Professionals.Include(p => p.Memberships).FirstAsync(p => p.Email == chairEmail, cancellationToken);
        var owners = await db.Professionals.Select(p => p.Id).ToListAsync(cancellationToken);
        var neighbourhoods = await ExtraNeighbourhoodsAsync(chair, cancellationToken);

        var meetingsNeeded = (cases + CasesPerMeeting - 1) / CasesPerMeeting;
        var recommendationsPerMeeting = meetingsNeeded == 0 ? 0 : (recommendations + meetingsNeeded - 1) / meetingsNeeded;
        var made = (Cases: 0, Recommendations: 0);
        var numbers = new Dictionary<(Guid Neighbourhood, int Year), int>();
        while (made.Cases < cases)
        {
            for (var batch = 0; batch < BatchSize / CasesPerMeeting && made.Cases < cases; batch++)
            {
                var neighbourhood = neighbourhoods[random.Next(neighbourhoods.Count)];
                var start = now.AddDays(-random.Next(30, 6 * 365)).Date.AddHours(12);
                var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Casuïstiekbespreking {neighbourhood.Name}", DateTime.SpecifyKind(start, DateTimeKind.Utc), chair.Id);
                var meetingCases = new List<CaseFile>();
                for (var i = 0; i < CasesPerMeeting && made.Cases < cases; i++, made.Cases++)
                {
                    var key = (neighbourhood.Id, start.Year);
                    numbers[key] = numbers.GetValueOrDefault(key) + 1;
                    var caseFile = NewCase(random, neighbourhood, start.Year, numbers[key], chair.Id, meeting.ScheduledStartUtc);
                    meetingCases.Add(caseFile);
                    meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
                }

                meeting.Start(meeting.ScheduledStartUtc);
                meeting.Close(0, meeting.ScheduledStartUtc.AddHours(2));
                db.CaseFiles.AddRange(meetingCases);
                db.Meetings.Add(meeting);
                for (var r = 0; r < recommendationsPerMeeting && made.Recommendations < recommendations; r++, made.Recommendations++)
                {
                    db.Recommendations.Add(NewRecommendation(random, neighbourhood, meeting, meetingCases[random.Next(meetingCases.Count)], chair.Id, owners));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress($"{made.Cases} casussen, {made.Recommendations} aanbevelingen");
        }
    }

    private async Task<List<Neighbourhood>> ExtraNeighbourhoodsAsync(Professional chair, CancellationToken cancellationToken)
    {
        var neighbourhoods = new List<Neighbourhood>();
        for (var i = 0; i < ExtraNeighbourhoods; i++)
        {
            var prefix = "W" + (char)('A' + (i / 26)) + (char)('A' + (i % 26));
            var neighbourhood = await db.Neighbourhoods.FirstOrDefaultAsync(n => n.CaseCodePrefix == prefix, cancellationToken);
            if (neighbourhood is null)
            {
                neighbourhood = new Neighbourhood(Guid.NewGuid(), $"Testwijk {i + 1:D2}", prefix);
                db.Neighbourhoods.Add(neighbourhood);
                chair.JoinNeighbourhood(neighbourhood.Id, MembershipRole.Chair);
            }

            neighbourhoods.Add(neighbourhood);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return neighbourhoods;
    }

    private static CaseFile NewCase(Random random, Neighbourhood neighbourhood, int year, int number, Guid authorId, DateTime whenUtc)
    {
        var complaint = Complaints[random.Next(Complaints.Length)];
        var context = Contexts[random.Next(Contexts.Length)];
        var caseFile = new CaseFile(
            Guid.NewGuid(), neighbourhood.Id, CaseCode.Create(neighbourhood.CaseCodePrefix, year, number), $"Jeugdige {complaint} {context}",
            (AgeBand)random.Next(1, 5), [complaint], authorId, whenUtc);
        var text = CaseTemplate.NewCaseMarkdown(caseFile.Title)
            .Replace("Welke vraag leg je aan de collega's voor?", $"Is dit passend bij wat er speelt {context}, of is meer nodig?", StringComparison.Ordinal)
            .Replace("Klachten, gezinssituatie, school, wat is al gedaan. Alleen feiten, geen interpretaties.", $"De jeugdige is {complaint} {context}. Ouders maken zich zorgen.", StringComparison.Ordinal)
            .Replace("Wat gaat goed, wat kunnen zij zelf, wie helpt mee?", $"De jeugdige {Strengths[random.Next(Strengths.Length)]}.", StringComparison.Ordinal);
        caseFile.RecordText(text, 0, whenUtc);
        caseFile.MarkReadyForDiscussion(0, whenUtc);
        caseFile.MarkDiscussed(whenUtc);
        return caseFile;
    }

    private static Recommendation NewRecommendation(Random random, Neighbourhood neighbourhood, Meeting meeting, CaseFile caseFile, Guid authorId, IReadOnlyList<Guid> owners)
    {
        var pillars = VisionPillars.Each.Where(_ => random.Next(3) == 0).Aggregate(VisionPillars.Each[random.Next(4)], (all, p) => all | p);
        var addressed = Enum.GetValues<Discipline>().Where(_ => random.Next(4) == 0).ToList();
        var due = DateOnly.FromDateTime(meeting.ScheduledStartUtc).AddDays(random.Next(14, 180));
        var recommendation = new Recommendation(
            Guid.NewGuid(), neighbourhood.Id, meeting.Id, caseFile.Id,
            new RecommendationDetails { Text = Advice[random.Next(Advice.Length)], Pillars = pillars, Level = (RecommendationLevel)random.Next(1, 4), AddressedTo = addressed, OwnerId = random.Next(3) == 0 ? null : owners[random.Next(owners.Count)], DueDate = random.Next(2) == 0 ? null : due },
            authorId, meeting.ScheduledStartUtc.AddHours(1));
        // Walk the allowed path to a random status, as the room would have.
        RecommendationStatus[] path = random.Next(5) switch
        {
            0 => [],
            1 => [RecommendationStatus.Agreed],
            2 => [RecommendationStatus.Agreed, RecommendationStatus.InProgress],
            3 => [RecommendationStatus.Agreed, RecommendationStatus.InProgress, RecommendationStatus.Done],
            _ => [RecommendationStatus.Dropped],
        };
        foreach (var status in path)
        {
            recommendation.ChangeStatus(recommendation.Version, status, meeting.ScheduledStartUtc.AddHours(1));
        }

        return recommendation;
    }
}
