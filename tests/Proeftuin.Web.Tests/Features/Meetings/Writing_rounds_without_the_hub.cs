using Microsoft.EntityFrameworkCore;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>"Eerst schrijven, dan delen" (<see cref="WritingRounds"/>) called directly on the real database.</summary>
public sealed class Writing_rounds_without_the_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Secret = "Opvallend veel verzuim rond de toetsweken.";

    [Fact]
    public async Task An_answer_is_seen_only_by_its_author_until_the_reveal_and_then_by_everyone_and_no_longer_changes()
    {
        var services = factory.Services;
        var chair = await services.SeatAsync("leidsche-rijn", "ruud.jansen@demo.proeftuin.nl");
        var writer = await services.SeatAsync("leidsche-rijn", "fatima.elamrani@demo.proeftuin.nl");
        var other = await services.SeatAsync("leidsche-rijn", "marieke.bos@demo.proeftuin.nl");
        await services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));

        var opened = await services.CallAsync<WritingRounds, HubResult<WritingRoundView>>(r => r.OpenAsync(chair, "Wat valt je op?", default));
        var second = await services.CallAsync<WritingRounds, HubResult<WritingRoundView>>(r => r.OpenAsync(chair, "Nog een vraag?", default));
        var roundId = opened.Value!.Id;
        var written = await services.CallAsync<WritingRounds, HubResult<WrittenEntry>>(r => r.WriteAsync(writer, roundId, Secret, default));
        var seenByOther = await services.CallAsync<WritingRounds, IReadOnlyList<WritingRoundView>>(r => r.ForMeetingAsync(other.MeetingId, other.UserId, default));
        var revealed = await services.CallAsync<WritingRounds, HubResult<WritingRoundView>>(r => r.RevealAsync(chair, roundId, default));
        var afterReveal = await services.CallAsync<WritingRounds, HubResult<WrittenEntry>>(r => r.WriteAsync(other, roundId, "Te laat.", default));

        Assert.Equal("Open", opened.Value.Status);
        Assert.Equal("round.open", second.Error!.Code);
        Assert.Equal(Secret, Assert.Single(written.Value!.ForAuthor.Entries).Text);
        Assert.Empty(written.Value.ForOthers.Entries);
        Assert.Equal([writer.UserId], written.Value.ForOthers.WrittenBy);
        Assert.Empty(Assert.Single(seenByOther).Entries);
        Assert.Equal("Revealed", revealed.Value!.Status);
        Assert.Equal(Secret, Assert.Single(revealed.Value.Entries).Text);
        Assert.Equal("round.revealed", afterReveal.Error!.Code);
    }

    [Fact]
    public async Task Writing_needs_a_live_meeting_and_its_own_round_and_an_identifying_answer_is_never_stored()
    {
        var services = factory.Services;
        var chair = await services.SeatAsync("binnenstad", "ingrid.meijer@demo.proeftuin.nl");
        var writer = await services.SeatAsync("binnenstad", "youssef.benali@demo.proeftuin.nl");
        var beforeStart = await services.CallAsync<WritingRounds, HubResult<WrittenEntry>>(r => r.WriteAsync(writer, Guid.NewGuid(), "Vroeg.", default));
        await services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));
        var roundId = (await services.CallAsync<WritingRounds, HubResult<WritingRoundView>>(r => r.OpenAsync(chair, "Wat zie je?", default))).Value!.Id;

        var unknownRound = await services.CallAsync<WritingRounds, HubResult<WrittenEntry>>(r => r.WriteAsync(writer, Guid.NewGuid(), "Iets.", default));
        var identifying = await services.CallAsync<WritingRounds, HubResult<WrittenEntry>>(r => r.WriteAsync(writer, roundId, "Vader Hendrik Bakker (06-12345678) belde.", default));

        Assert.Equal("meeting.status", beforeStart.Error!.Code);
        Assert.Equal("round.unknown", unknownRound.Error!.Code);
        Assert.Equal("anonymization.open", identifying.Error!.Code);
        Assert.NotEmpty(identifying.Error.Findings!);
        Assert.DoesNotContain("12345678", identifying.Error.Message, StringComparison.Ordinal);
        Assert.False(await services.ReadAsync(db => db.WritingRounds.Where(r => r.Id == roundId).SelectMany(r => r.Entries).AnyAsync()));
    }
}
