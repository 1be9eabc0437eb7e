using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Recommendations;

/// <summary>
/// The room's recommendation use cases without SignalR: <see cref="LiveRecommendations"/> on the app's own services
/// and database, each caller in a scope of their own, as each hub connection is.
/// </summary>
public sealed class Live_recommendations(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "ruud.jansen@demo.proeftuin.nl";
    private const string Member = "fatima.elamrani@demo.proeftuin.nl";
    private const string Outsider = "ingrid.meijer@demo.proeftuin.nl";

    [Fact]
    public async Task A_recommendation_is_for_the_case_chosen_or_for_the_meeting_as_a_whole_never_another_case()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();

        var forSecond = await AsAsync(Member, s => s.AddAsync(meetingId, Input("Samen met school een plan maken", caseIds[1]), default));
        var forMeeting = await AsAsync(Member, s => s.AddAsync(meetingId, Input("Stedelijk: wachttijden bespreken", null) with { Level = "City" }, default));
        var elsewhere = await AsAsync(Member, s => s.AddAsync(meetingId, Input("Over een andere casus", Guid.NewGuid()), default));

        Assert.Equal(caseIds[1], forSecond.Value!.CaseFileId);
        Assert.Null(forMeeting.Value!.CaseFileId);
        Assert.Equal("recommendation.case", elsewhere.ErrorCode);
        var stored = await factory.QueryAsync(db => db.Recommendations.Where(r => r.MeetingId == meetingId).Select(r => r.CaseFileId).ToListAsync());
        Assert.Equal([caseIds[1], null], stored.OrderBy(c => c is null));
    }

    [Fact]
    public async Task An_edit_changes_text_pillars_level_addressees_owner_and_due_date_and_raises_the_version()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        var owner = await factory.QueryAsync(db => db.Professionals.Where(p => p.Email == Chair).Select(p => p.Id).SingleAsync());
        var added = (await AsAsync(Member, s => s.AddAsync(meetingId, Input("Eerste versie", caseIds[0]), default))).Value!;

        var edited = await AsAsync(Chair, s => s.EditAsync(meetingId, added.Id, added.Version,
            new RecommendationInput("Tweede versie", ["Preconditions", "AppropriateCare"], "Neighbourhood", ["YouthHealthDoctor"], owner, new DateOnly(2027, 1, 15), null), default));

        var view = edited.Value!;
        Assert.Equal(("Tweede versie", "Neighbourhood", 2), (view.Text, view.Level, view.Version));
        Assert.Equal(["AppropriateCare", "Preconditions"], view.Pillars.Order());
        Assert.Equal(["YouthHealthDoctor"], view.AddressedTo);
        Assert.Equal((owner, new DateOnly(2027, 1, 15)), (view.OwnerId, view.DueDate));
        Assert.Equal(caseIds[0], view.CaseFileId); // the case it was written for stays
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_that_carries_the_current_version_and_changes_nothing()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        var added = (await AsAsync(Member, s => s.AddAsync(meetingId, Input("Basisversie", caseIds[0]), default))).Value!;

        var theirs = await AsAsync(Chair, s => s.EditAsync(meetingId, added.Id, added.Version, Input("Versie van de voorzitter", caseIds[0]), default));
        var mine = await AsAsync(Member, s => s.EditAsync(meetingId, added.Id, added.Version, Input("Versie van het lid", caseIds[0]), default));

        Assert.True(theirs.Ok);
        Assert.Equal(LiveRecommendations.ConflictCode, mine.ErrorCode);
        Assert.Equal(("Versie van de voorzitter", 2), (mine.Current!.Text, mine.Current.Version));
        Assert.Equal("Versie van de voorzitter", await factory.QueryAsync(db => db.Recommendations.Where(r => r.Id == added.Id).Select(r => r.Text).SingleAsync()));

        // Choosing "save mine" is an edit based on their version: it wins now.
        var chosen = await AsAsync(Member, s => s.EditAsync(meetingId, added.Id, mine.Current.Version, Input("Versie van het lid", caseIds[0]), default));
        Assert.Equal(("Versie van het lid", 3), (chosen.Value!.Text, chosen.Value.Version));
    }

    [Fact]
    public async Task An_edit_with_an_identifying_detail_is_refused_by_the_guard_and_stores_nothing()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        var added = (await AsAsync(Member, s => s.AddAsync(meetingId, Input("Zonder gegevens", caseIds[0]), default))).Value!;

        var refused = await AsAsync(Member, s => s.EditAsync(meetingId, added.Id, added.Version, Input("Bel moeder op 06-12345678", caseIds[0]), default));

        Assert.False(refused.Ok);
        Assert.False(refused.Refused!.IsClear);
        Assert.Equal(("Zonder gegevens", 1), await factory.QueryAsync(db => db.Recommendations.Where(r => r.Id == added.Id).Select(r => ValueTuple.Create(r.Text, r.Version)).SingleAsync()));
    }

    [Fact]
    public async Task Someone_outside_the_wijk_can_change_nothing()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        var added = (await AsAsync(Member, s => s.AddAsync(meetingId, Input("Van het lid", caseIds[0]), default))).Value!;

        var add = await AsAsync(Outsider, s => s.AddAsync(meetingId, Input("Van buiten", caseIds[0]), default));
        var edit = await AsAsync(Outsider, s => s.EditAsync(meetingId, added.Id, added.Version, Input("Van buiten", caseIds[0]), default));
        var delete = await AsAsync(Outsider, s => s.DeleteAsync(meetingId, added.Id, added.Version, default));

        Assert.All(new[] { add, edit, delete }, outcome => Assert.Equal("forbidden", outcome.ErrorCode));
        Assert.Equal(1, await factory.QueryAsync(db => db.Recommendations.CountAsync(r => r.MeetingId == meetingId)));
    }

    private static RecommendationInput Input(string text, Guid? caseId) => new(text, ["ClientCentred"], "Case", ["FamilyWorker"], null, null, caseId);

    /// <summary>Runs <paramref name="use"/> as <paramref name="email"/>, in a scope of its own (one caller, one context).</summary>
    private async Task<RecommendationOutcome> AsAsync(string email, Func<LiveRecommendations, Task<RecommendationOutcome>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<NeighbourhoodAccess>().UseUser(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test")));
        return await use(scope.ServiceProvider.GetRequiredService<LiveRecommendations>());
    }

    /// <summary>A new planned meeting of Leidsche Rijn with two of its cases on the agenda.</summary>
    private Task<(Guid MeetingId, IReadOnlyList<Guid> CaseIds)> MeetingWithTwoCasesAsync() =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "leidsche-rijn");
            var chair = await db.Professionals.Where(p => p.Email == Chair).Select(p => p.Id).SingleAsync();
            var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).OrderBy(c => c.Code).Take(2).ToListAsync();
            var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, "Extra bespreking aanbevelingen", DateTime.UtcNow.Date.AddDays(30).AddHours(12), chair);
            foreach (var caseFile in cases)
            {
                meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, (IReadOnlyList<Guid>)[.. cases.Select(c => c.Id)]);
        });
}
