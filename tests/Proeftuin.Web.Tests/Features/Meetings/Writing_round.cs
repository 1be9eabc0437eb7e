using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
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
        var meetingId = await PlannedMeetingAsync();
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var writer = await HubConnections.ConnectAsync(factory, Writer);
        await using var other = await HubConnections.ConnectAsync(factory, Other);
        var seenByOthers = new List<string>();
        chair.On<JsonElement>(nameof(IMeetingClient.WritingRoundChanged), round => Record(seenByOthers, round));
        other.On<JsonElement>(nameof(IMeetingClient.WritingRoundChanged), round => Record(seenByOthers, round));
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
        await WaitUntilAsync(() => seenByOthers.Count >= 3);
        var beforeReveal = seenByOthers.ToList();

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
        await WaitUntilAsync(() => seenByOthers.Any(m => m.Contains("middelbare", StringComparison.Ordinal)));
        Assert.Contains(seenByOthers, m => m.Contains("middelbare", StringComparison.Ordinal));
    }

    private static void Record(List<string> messages, JsonElement round)
    {
        lock (messages)
        {
            messages.Add(round.GetRawText());
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private async Task<Guid> PlannedMeetingAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Neighbourhoods.Where(n => n.Slug == "leidsche-rijn").Select(n => n.Id).SingleAsync();
        return await db.Meetings.Where(m => m.NeighbourhoodId == id && m.Status == MeetingStatus.Planned).Select(m => m.Id).SingleAsync();
    }
}
