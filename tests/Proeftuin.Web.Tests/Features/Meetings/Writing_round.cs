using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>"Eerst schrijven, dan delen" in Leidsche Rijn: answers stay with their author until the chair reveals them.</summary>
public sealed class Writing_round(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "ruud.jansen@demo.proeftuin.nl";
    private const string Writer = "fatima.elamrani@demo.proeftuin.nl";
    private const string Other = "marieke.bos@demo.proeftuin.nl";
    private const string Secret = "Ik zie vooral spanning rond de overgang naar de middelbare school.";

    [Fact]
    public async Task Answers_stay_private_over_the_hub_until_the_chair_reveals_them()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("leidsche-rijn");
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var writer = await HubConnections.ConnectAsync(factory, Writer);
        await using var other = await HubConnections.ConnectAsync(factory, Other);
        var seenByOthers = new Received<string>();
        chair.On<JsonElement>(nameof(IMeetingClient.WritingRoundChanged), round => seenByOthers.Add(round.GetRawText()));
        other.On<JsonElement>(nameof(IMeetingClient.WritingRoundChanged), round => seenByOthers.Add(round.GetRawText()));
        foreach (var connection in new[] { chair, writer, other })
        {
            Assert.True((await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Ok);
        }

        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var byMember = await writer.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.OpenWritingRound), "Wat valt je op?");
        var opened = await chair.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.OpenWritingRound), "Wat valt je op?");
        var second = await chair.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.OpenWritingRound), "Nog een vraag?");
        var roundId = opened.Value!.Id;
        var identifying = await writer.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.WriteEntry), roundId, "Moeder Anouk de Wit belde gisteren.");
        var written = await writer.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.WriteEntry), roundId, Secret);
        await other.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.WriteEntry), roundId, "Weinig zicht op de rol van vader.");

        // Someone who joins now sees that the writer wrote, but not what.
        await using var late = await HubConnections.ConnectAsync(factory, Other);
        var lateSnapshot = (await late.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        var beforeReveal = await seenByOthers.CountAsync(3);

        var memberReveal = await other.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.RevealWritingRound), roundId);
        var revealed = await chair.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.RevealWritingRound), roundId);
        var afterReveal = await writer.InvokeAsync<HubResult<WritingRoundView>>(nameof(MeetingHub.WriteEntry), roundId, "Toch nog iets.");

        Assert.Equal("forbidden", byMember.Error!.Code);
        Assert.True(opened.Ok, opened.Error?.Message);
        Assert.Equal("round.open", second.Error!.Code);
        Assert.Equal("anonymization.open", identifying.Error!.Code);
        Assert.Contains(identifying.Error.Findings!, f => f.Field == "text" && f.Placeholder == "[naam moeder]");
        Assert.DoesNotContain("Anouk", identifying.Error.Message, StringComparison.Ordinal);
        Assert.Equal(Secret, Assert.Single(written.Value!.Entries).Text);
        Assert.DoesNotContain(beforeReveal, message => message.Contains("middelbare", StringComparison.Ordinal));
        var lateRound = Assert.Single(lateSnapshot.WritingRounds);
        Assert.Equal(2, lateRound.WrittenBy.Count);
        Assert.DoesNotContain(lateRound.Entries, e => e.Text == Secret);
        Assert.Equal("forbidden", memberReveal.Error!.Code);
        Assert.Equal("Revealed", revealed.Value!.Status);
        Assert.Equal(2, revealed.Value.Entries.Count);
        Assert.Contains(revealed.Value.Entries, e => e.Text == Secret && e.AuthorName == "Fatima El Amrani");
        Assert.Equal("round.revealed", afterReveal.Error!.Code);
        await seenByOthers.FirstAsync(m => m.Contains("middelbare", StringComparison.Ordinal), "the revealed answer");
    }
}
