using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Recommendations;

/// <summary>The hub's recommendation methods over a real <see cref="HubConnection"/>: the case chosen, concurrent edits, the room kept in step.</summary>
public sealed class Recommendations_in_the_room(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task The_hub_stores_the_case_the_form_chose_whatever_item_is_current()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting)); // the first case is current now

        var forSecond = await chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Over de tweede casus", ["ClientCentred"], "Case", [], null, null, caseIds[1]));
        var forMeeting = await chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Stedelijk punt", ["Preconditions"], "City", [], null, null, null));

        Assert.Equal(caseIds[1], forSecond.Value!.CaseFileId);
        Assert.True(forMeeting.Ok, forMeeting.Error?.Message);
        Assert.Null(forMeeting.Value!.CaseFileId);
    }

    [Fact]
    public async Task Two_members_edit_at_once_the_second_gets_a_typed_conflict_with_both_versions_to_choose_from()
    {
        var (meetingId, caseIds) = await MeetingWithTwoCasesAsync();
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var member = await HubConnections.ConnectAsync(factory, Member);
        var seen = Received<RecommendationView>.On(member, nameof(IMeetingClient.RecommendationChanged));
        await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var added = (await chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Basis", ["ClientCentred"], "Case", [], null, null, caseIds[0]))).Value!;

        // Both start from version 1, at the same moment.
        var edits = await Task.WhenAll(
            chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.EditRecommendation), added.Id, added.Version,
                new RecommendationInput("Versie voorzitter", ["ClientCentred"], "Case", [], null, new DateOnly(2027, 2, 1), null)),
            member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.EditRecommendation), added.Id, added.Version,
                new RecommendationInput("Versie lid", ["AppropriateCare"], "Neighbourhood", [], null, null, null)));

        var winner = Assert.Single(edits, e => e.Ok).Value!;
        var loser = Assert.Single(edits, e => !e.Ok).Error!;
        Assert.Equal("recommendation.conflict", loser.Code);
        Assert.Equal((winner.Text, 2), (loser.Current!.Text, loser.Current.Version));
        var broadcast = await seen.UntilAsync(all => all.Any(r => r.Id == added.Id && r.Version == 2), "the winning edit reaches the room");
        Assert.Equal(winner.Text, broadcast.Last(r => r.Id == added.Id).Text);
    }

    /// <summary>A new planned meeting of Ondiep with two of its cases on the agenda.</summary>
    private Task<(Guid MeetingId, IReadOnlyList<Guid> CaseIds)> MeetingWithTwoCasesAsync() =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
            var chair = await db.Professionals.Where(p => p.Email == Chair).Select(p => p.Id).SingleAsync();
            var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).OrderBy(c => c.Code).Take(2).ToListAsync();
            var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, "Extra bespreking in de kamer", DateTime.UtcNow.Date.AddDays(30).AddHours(12), chair);
            foreach (var caseFile in cases)
            {
                meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, (IReadOnlyList<Guid>)[.. cases.Select(c => c.Id)]);
        });
}
