using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Identity;

namespace Proeftuin.Data.Seeding;

/// <summary>
/// Fills an empty database with the demo wijken, accounts, cases, a closed and a planned meeting per wijk,
/// recommendations over all four pillars, a wijkafspraak, evaluations and the services on its sociale kaart. Does
/// nothing when any wijk exists.
/// </summary>
public sealed class DemoDataSeeder(ProeftuinDbContext db, TimeProvider time)
{
    public static IReadOnlyList<(string Name, string Prefix)> Neighbourhoods { get; } =
        [("Leidsche Rijn", "LR"), ("Ondiep", "OND"), ("Binnenstad", "BIN")];

    /// <summary>Seeds and returns true, or returns false when the database already holds data.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Neighbourhoods.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var neighbourhoods = Neighbourhoods.ToDictionary(n => n.Prefix, n => new Neighbourhood(Guid.NewGuid(), n.Name, n.Prefix));
        db.Neighbourhoods.AddRange(neighbourhoods.Values);

        await SeedRolesAsync(cancellationToken);
        var professionals = SeedAccounts(neighbourhoods);

        foreach (var (prefix, neighbourhood) in neighbourhoods)
        {
            var members = professionals.Values.Where(p => p.IsMemberOf(neighbourhood.Id)).ToList();
            var chair = members.First(p => p.IsChairOf(neighbourhood.Id));
            SeedNeighbourhood(neighbourhood, chair, members, DemoCases.All.Where(c => c.Neighbourhood == prefix).ToList(), now);
            db.SocialMapServices.AddRange(DemoServices.For(neighbourhood.Id, prefix, chair.Id, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task SeedRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var role in GlobalRoles.All)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == role, cancellationToken))
            {
                db.Roles.Add(new ProeftuinRole { Id = Guid.NewGuid(), Name = role, NormalizedName = role.ToUpperInvariant() });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Dictionary<string, Professional> SeedAccounts(Dictionary<string, Neighbourhood> neighbourhoods)
    {
        var hasher = new PasswordHasher<ProeftuinUser>();
        var roles = db.Roles.ToDictionary(r => r.Name!, r => r.Id);
        var result = new Dictionary<string, Professional>(StringComparer.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            var user = new ProeftuinUser
            {
                Id = Guid.NewGuid(),
                UserName = account.Email,
                NormalizedUserName = account.Email.ToUpperInvariant(),
                Email = account.Email,
                NormalizedEmail = account.Email.ToUpperInvariant(),
                EmailConfirmed = true,
                LockoutEnabled = true,
                TwoFactorEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);

            // Stored where ASP.NET Core Identity's user store keeps an authenticator key.
            db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = DemoAccounts.AuthenticatorKey });

            var professional = new Professional(user.Id, account.Name, account.Email, account.Discipline, account.Organisation);
            foreach (var (prefix, role) in account.Memberships)
            {
                professional.JoinNeighbourhood(neighbourhoods[prefix].Id, role);
            }

            db.Professionals.Add(professional);
            if (account.GlobalRole is { } globalRole)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[globalRole] });
            }

            result[account.Email] = professional;
        }

        return result;
    }

    private void SeedNeighbourhood(Neighbourhood neighbourhood, Professional chair, List<Professional> members, List<DemoCase> demoCases, DateTime now)
    {
        var year = now.Year;
        var codes = new List<string>();
        var cases = new List<CaseFile>();
        for (var i = 0; i < demoCases.Count; i++)
        {
            var demo = demoCases[i];
            var code = CaseCode.Next(neighbourhood.CaseCodePrefix, year, codes);
            codes.Add(code.ToString());
            var author = members[i % members.Count];
            var created = now.AddDays(-40 + i);
            var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, code, demo.Title, demo.AgeBand, demo.Themes, author.Id, created);
            caseFile.RecordText(DemoCases.Markdown(demo), 0, created);
            cases.Add(caseFile);
        }

        // The first case was discussed last month; the second is ready for the coming meeting; the third is a draft.
        cases[0].MarkReadyForDiscussion(0, now.AddDays(-35));
        cases[1].MarkReadyForDiscussion(0, now.AddDays(-2));
        db.CaseFiles.AddRange(cases);

        var past = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Casuïstiekbespreking {neighbourhood.Name}", now.AddDays(-28).Date.AddHours(12), chair.Id);
        past.AddToAgenda(Guid.NewGuid(), cases[0], 45);
        past.Start(past.ScheduledStartUtc);
        foreach (var member in members)
        {
            past.RecordAttendance(member.Id, past.ScheduledStartUtc.AddMinutes(1));
        }

        for (var phase = 0; phase < 4; phase++)
        {
            past.AdvancePhase(past.ScheduledStartUtc.AddMinutes(10 * (phase + 1)));
        }

        past.Close(0, past.ScheduledStartUtc.AddMinutes(55));
        cases[0].MarkDiscussed(past.ClosedAtUtc!.Value);
        db.Meetings.Add(past);

        var recommendations = SeedRecommendations(neighbourhood, past, cases[0], members, now);
        SeedEvaluations(past, members);

        db.NeighbourhoodAgreements.Add(new NeighbourhoodAgreement(
            Guid.NewGuid(),
            neighbourhood.Id,
            "Eén regiehouder per casus",
            "Bij elke besproken casus spreken we één regiehouder af. Die is aanspreekpunt voor gezin en school en houdt de afspraken bij.",
            [recommendations[1].Id],
            chair.Id,
            DateOnly.FromDateTime(now.AddDays(90)),
            past.ClosedAtUtc!.Value));

        var planned = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Casuïstiekbespreking {neighbourhood.Name}", now.AddDays(14).Date.AddHours(12), chair.Id);
        planned.AddToAgenda(Guid.NewGuid(), cases[1], 45);
        db.Meetings.Add(planned);
    }

    private List<Recommendation> SeedRecommendations(Neighbourhood neighbourhood, Meeting past, CaseFile discussed, List<Professional> members, DateTime now)
    {
        var result = new List<Recommendation>();
        var made = past.ClosedAtUtc!.Value.AddMinutes(-10);
        for (var i = 0; i < DemoRecommendations.ForPastMeeting.Count; i++)
        {
            var demo = DemoRecommendations.ForPastMeeting[i];
            var owner = members[i % members.Count];
            var details = new RecommendationDetails { Text = demo.Text, Pillars = demo.Pillars, Level = demo.Level, AddressedTo = demo.AddressedTo, OwnerId = owner.Id, DueDate = DateOnly.FromDateTime(now.AddDays(demo.DueInDays)) };
            var caseId = demo.Level == RecommendationLevel.Case ? discussed.Id : (Guid?)null;
            var recommendation = new Recommendation(Guid.NewGuid(), neighbourhood.Id, past.Id, caseId, details, owner.Id, made);
            foreach (var step in PathTo(demo.Status))
            {
                recommendation.ChangeStatus(recommendation.Version, step, made);
            }

            result.Add(recommendation);
        }

        db.Recommendations.AddRange(result);
        return result;
    }

    private void SeedEvaluations(Meeting past, List<Professional> members)
    {
        int[] scores = [8, 7, 9, 8];
        for (var i = 0; i < members.Count; i++)
        {
            var remark = i == 0 ? "Goede voorbereiding, fijn dat de school meteen is benaderd." : null;
            db.MeetingEvaluations.Add(past.Evaluate(Guid.NewGuid(), members[i].Id, scores[i % scores.Length], remark, past.ClosedAtUtc!.Value));
        }
    }

    private static IEnumerable<RecommendationStatus> PathTo(RecommendationStatus target) => target switch
    {
        RecommendationStatus.Agreed => [RecommendationStatus.Agreed],
        RecommendationStatus.InProgress => [RecommendationStatus.Agreed, RecommendationStatus.InProgress],
        RecommendationStatus.Done => [RecommendationStatus.Agreed, RecommendationStatus.InProgress, RecommendationStatus.Done],
        RecommendationStatus.Dropped => [RecommendationStatus.Dropped],
        _ => [],
    };
}
