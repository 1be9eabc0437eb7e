using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>The chair leads Binnenstad's planned meeting through its phases; members make recommendations live.</summary>
public sealed class Meeting_flow_and_recommendations(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "ingrid.meijer@demo.proeftuin.nl";
    private const string Member = "youssef.benali@demo.proeftuin.nl";

    [Fact]
    public async Task Chair_leads_the_meeting_and_everyone_sees_phase_and_recommendations_until_close()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("binnenstad");
        await using var chair = await ConnectAsync(Chair);
        await using var member = await ConnectAsync(Member);
        var states = Received<MeetingState>.On(member, nameof(IMeetingClient.MeetingStateChanged));
        var recommendations = Received<RecommendationView>.On(member, nameof(IMeetingClient.RecommendationChanged));
        var snapshot = (await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);

        var memberStart = await member.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var started = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var timer = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartTimer));
        var next = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.AdvancePhase));
        var added = await member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Vaste contactpersoon op school", ["ClientCentred", "ProfessionalCoordination"], "Case", ["FamilyWorker"], null, null, null));
        var edited = await chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.EditRecommendation), added.Value!.Id, 1,
            new RecommendationInput("Eén vaste contactpersoon op school", ["ClientCentred"], "Case", [], null, null, null));
        var stale = await member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.EditRecommendation), added.Value.Id, 1,
            new RecommendationInput("Verouderde versie", ["ClientCentred"], "Case", [], null, null, null));
        var noPillar = await member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Zonder pijler", [], "Case", [], null, null, null));

        // A name typed into the case text blocks closing until it is gone.
        var document = snapshot.Documents[0];
        var withName = await chair.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, document.Text.Length, "\n\nBroer Storm (11) helpt mee."), "chair", 1));
        var refused = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));
        var withoutName = await chair.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, withName.Value!.Revision, TextOperation.DeleteAt(document.Text.Length + 29, document.Text.Length, 29), "chair", 2));
        var closed = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));
        var frozen = await member.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, withoutName.Value!.Revision, TextOperation.InsertAt(document.Text.Length, 0, "x"), "member", 1));

        Assert.Equal("forbidden", memberStart.Error!.Code);
        Assert.Equal("Live", started.Value!.Status);
        Assert.True(timer.Value!.TimerRunning);
        Assert.Equal("Clarification", next.Value!.Phase);
        Assert.Equal(["ClientCentred", "ProfessionalCoordination"], added.Value.Pillars);
        Assert.Equal(2, edited.Value!.Version);
        Assert.Equal("recommendation.conflict", stale.Error!.Code);
        Assert.Equal("recommendation.pillars", noPillar.Error!.Code);
        Assert.Equal("meeting.anonymization.open", refused.Error!.Code);
        Assert.True(withoutName.Ok, withoutName.Error?.Message);
        Assert.Equal("Closed", closed.Value!.Status);
        Assert.Equal("meeting.closed", frozen.Error!.Code);
        var seenStates = await states.UntilAsync(all => all.Any(s => s.Status == "Closed"), "the closed meeting");
        var seenRecommendations = await recommendations.CountAsync(2);
        Assert.Contains(seenStates, s => s.Phase == "Clarification");
        Assert.Equal("Eén vaste contactpersoon op school", seenRecommendations[^1].Text);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var caseId = Guid.ParseExact(document.DocumentId[5..], "N");
        var caseFile = await db.CaseFiles.SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseStatus.Discussed, caseFile.Status);
        Assert.Equal(document.Text, caseFile.Text);
    }

    private Task<HubConnection> ConnectAsync(string email) => HubConnections.ConnectAsync(factory, email);
}
