using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The submit checks the meeting's state, agenda and verslag against facts cached per meeting (ADR 33): each refusal
/// holds right after the change on this node, also when an operation just before it filled the cache.
/// </summary>
public sealed class Live_editing_refusals_after_a_change(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private IServiceProvider Services => factory.Services;

    [Fact]
    public async Task A_case_taken_off_the_agenda_is_refused_at_the_next_operation()
    {
        var member = await Services.SeatAsync("ondiep", "kevin.smit@demo.proeftuin.nl");
        var document = (await Services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(member, default))).Documents[0];
        var typed = await SubmitAsync(member, Append(document.DocumentId, document.Revision, document.Text.Length, 1));

        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == member.MeetingId);
            meeting.RemoveFromAgenda(meeting.Agenda.Single(a => DocumentId.ForCase(a.CaseFileId).ToString() == document.DocumentId).Id);
            await db.SaveChangesAsync();
        }

        var refused = await SubmitAsync(member, Append(document.DocumentId, document.Revision + 1, document.Text.Length + 1, 2));

        Assert.True(typed.Answer.Ok, typed.Answer.Error?.Message);
        Assert.Equal(("forbidden", null), (refused.Answer.Error?.Code, refused.Message));
    }

    [Fact]
    public async Task Closing_refuses_the_case_texts_at_once_and_finalising_refuses_the_verslag_at_once()
    {
        var chair = await Services.SeatAsync("binnenstad", "ingrid.meijer@demo.proeftuin.nl");
        var member = await Services.SeatAsync("binnenstad", "youssef.benali@demo.proeftuin.nl");
        await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));
        var document = (await Services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(member, default))).Documents[0];
        var typed = await SubmitAsync(member, Append(document.DocumentId, document.Revision, document.Text.Length, 1));

        var closed = await Services.CallAsync<MeetingConduct, HubResult<ClosedMeeting>>(c => c.CloseAsync(chair, default));
        var frozen = await SubmitAsync(member, Append(document.DocumentId, document.Revision + 1, document.Text.Length + 1, 2));
        var minutes = (await Services.CallAsync<MinutesWriting, DocumentState?>(w => w.StateAsync(member.MeetingId, default)))!;
        var drafted = await SubmitAsync(member, Append(minutes.DocumentId, minutes.Revision, minutes.Text.Length, 3));

        var finalised = await Services.CallAsync<MeetingConduct, HubResult<MinutesView>>(c => c.FinaliseMinutesAsync(chair, default));
        var final = await SubmitAsync(member, Append(minutes.DocumentId, minutes.Revision + 1, minutes.Text.Length + 1, 4));

        Assert.True(typed.Answer.Ok, typed.Answer.Error?.Message);
        Assert.True(closed.Ok, closed.Error?.Message);
        Assert.Equal(("meeting.closed", null), (frozen.Answer.Error?.Code, frozen.Message));
        Assert.True(drafted.Answer.Ok, drafted.Answer.Error?.Message);
        Assert.True(finalised.Ok, finalised.Error?.Message);
        Assert.Equal(("minutes.final", null), (final.Answer.Error?.Code, final.Message));
    }

    private static SubmitRequest Append(string documentId, long revision, int length, long clientSeq) =>
        new(documentId, revision, TextOperation.InsertAt(length, length, "x"), "refusals", clientSeq);

    private Task<Relay<SubmitAck, OperationBroadcast>> SubmitAsync(MeetingSeat seat, SubmitRequest request) =>
        Services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(seat, "refusals-" + seat.UserId, request, default));
}
