using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>Co-editing the room's documents (<see cref="LiveEditing"/>) called directly on the real database.</summary>
public sealed class Live_editing_without_the_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task An_operation_on_an_agenda_case_is_applied_for_the_room_and_a_later_catch_up_returns_it()
    {
        var services = factory.Services;
        var member = await services.SeatAsync("ondiep", "kevin.smit@demo.proeftuin.nl");
        var document = (await services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(member, default))).Documents[0];
        var request = new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, 0, "Nieuwe zin."), "kevin", 1);

        var applied = await services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(member, "editing-1", request, default));
        var resent = await services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(member, "editing-1", request, default));
        var missed = await services.CallAsync<LiveEditing, HubResult<IReadOnlyList<OperationBroadcast>>>(e => e.CatchUpAsync(member, document.DocumentId, document.Revision, default));

        Assert.Equal(document.Revision + 1, applied.Answer.Value!.Revision);
        Assert.Equal(new OperationBroadcast(document.DocumentId, document.Revision + 1, applied.Message!.Operation, "kevin", 1), applied.Message);
        Assert.True(resent.Answer.Value!.Duplicate);
        Assert.Null(resent.Message);
        Assert.Equal(document.Revision + 1, Assert.Single(missed.Value!).Revision);
    }

    [Fact]
    public async Task A_case_of_another_meeting_an_unready_verslag_and_a_malformed_request_are_refused_and_nothing_is_relayed()
    {
        var services = factory.Services;
        var member = await services.SeatAsync("ondiep", "pieter.vandijk@demo.proeftuin.nl");
        var elsewhere = await services.SeatAsync("binnenstad", "ingrid.meijer@demo.proeftuin.nl");
        var foreignCase = (await services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(elsewhere, default))).Documents[0].DocumentId;
        var minutes = DocumentId.ForMinutes(member.MeetingId).ToString();
        var otherMinutes = DocumentId.ForMinutes(elsewhere.MeetingId).ToString();

        var foreign = await SubmitAsync(member, new SubmitRequest(foreignCase, 0, TextOperation.InsertAt(0, 0, "x"), "pieter", 1));
        var draftless = await SubmitAsync(member, new SubmitRequest(minutes, 0, TextOperation.InsertAt(0, 0, "x"), "pieter", 2));
        var notOurs = await SubmitAsync(member, new SubmitRequest(otherMinutes, 0, TextOperation.InsertAt(0, 0, "x"), "pieter", 3));
        var noClient = await SubmitAsync(member, new SubmitRequest(minutes, 0, TextOperation.InsertAt(0, 0, "x"), "", 4));
        var foreignCatchUp = await services.CallAsync<LiveEditing, HubResult<IReadOnlyList<OperationBroadcast>>>(e => e.CatchUpAsync(member, foreignCase, 0, default));
        var foreignCursor = await services.CallAsync<LiveEditing, Relay<bool, CursorBroadcast>>(e => e.CursorAsync(member, "editing-2", new CursorPosition(foreignCase, 0, 1, 1), default));

        Assert.Equal(("forbidden", null), (foreign.Answer.Error!.Code, foreign.Message));
        Assert.Equal("minutes.final", draftless.Answer.Error!.Code);
        Assert.Equal("meeting.not-joined", notOurs.Answer.Error!.Code);
        Assert.Equal("request.invalid", noClient.Answer.Error!.Code);
        Assert.Equal("forbidden", foreignCatchUp.Error!.Code);
        Assert.Equal(("forbidden", null), (foreignCursor.Answer.Error!.Code, foreignCursor.Message));
        Assert.True(await services.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "catch-up" && a.Outcome == "denied")));
    }

    private Task<Relay<SubmitAck, OperationBroadcast>> SubmitAsync(MeetingSeat seat, SubmitRequest request) =>
        factory.Services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(seat, "editing-2", request, default));
}
