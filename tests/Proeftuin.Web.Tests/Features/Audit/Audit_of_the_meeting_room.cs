using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Audit;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Audit;

/// <summary>
/// What the live room writes to the audit log, over real SignalR connections: the object of every access (NEN 7513),
/// i.e. each case a join or catch-up disclosed, and each author's first edit of a document in a sitting.
/// </summary>
public sealed class Audit_of_the_meeting_room(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Joost = "joost.mulder@demo.proeftuin.nl";

    [Fact]
    public async Task Joining_logs_the_meeting_and_every_case_on_its_agenda()
    {
        var (meetingId, agenda) = await PlannedMeetingAsync("ondiep");
        var joost = await AuditTrail.ProfessionalIdAsync(factory.Services, Joost);
        await using var connection = await HubConnections.ConnectAsync(factory, Joost);

        var snapshot = await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);

        Assert.True(snapshot.Ok, snapshot.Error?.Message);
        var caseEntries = await AuditTrail.EntriesAsync(factory.Services, q => q.Where(e => e.Action == "join" && e.ObjectType == "CaseFile" && e.UserId == joost));
        var meetingEntry = Assert.Single(await AuditTrail.EntriesAsync(factory.Services, q => q.Where(e => e.Action == "join" && e.ObjectType == "Meeting" && e.UserId == joost)));
        Assert.Equal(meetingId.ToString(), meetingEntry.ObjectId);
        Assert.Equal(agenda.Select(id => id.ToString()).Order(), caseEntries.Select(e => e.ObjectId!).Order());
        Assert.All(caseEntries, e => Assert.Equal(("success", meetingEntry.NeighbourhoodId), (e.Outcome, e.NeighbourhoodId)));
        Assert.True(agenda.Count >= 1);
    }

    [Fact]
    public async Task Catching_up_logs_the_case_it_returned_and_a_foreign_case_is_refused_and_logged()
    {
        var (meetingId, agenda) = await PlannedMeetingAsync("ondiep");
        var (_, foreignAgenda) = await PlannedMeetingAsync("binnenstad");
        var joost = await AuditTrail.ProfessionalIdAsync(factory.Services, Joost);
        await using var connection = await HubConnections.ConnectAsync(factory, Joost);
        var room = new LiveDocumentClient(connection, "joost-catch-up");
        await room.JoinAsync(meetingId);
        var caseId = agenda.Single(id => MeetingHub.CaseDocument(id) == room.DocumentId);

        var missed = await connection.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(MeetingHub.CatchUp), room.DocumentId, 0L);
        var foreign = await connection.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(MeetingHub.CatchUp), MeetingHub.CaseDocument(foreignAgenda[0]).ToString(), 0L);

        Assert.True(missed.Ok, missed.Error?.Message);
        Assert.Equal("forbidden", foreign.Error!.Code);
        var entries = await AuditTrail.EntriesAsync(factory.Services, q => q.Where(e => e.Action == "catch-up" && e.UserId == joost));
        Assert.Equal(
            [("success", caseId.ToString()), ("denied", foreignAgenda[0].ToString())],
            entries.Select(e => (e.Outcome, e.ObjectId!)));
        Assert.All(entries, e => Assert.Equal("CaseFile", e.ObjectType));
    }

    [Fact]
    public async Task Two_edits_by_one_author_log_once_and_a_second_author_logs_once_more()
    {
        // Binnenstad: no other test of this class edits there, so these are the sitting's only edits.
        var (meetingId, agenda) = await PlannedMeetingAsync("binnenstad");
        var ingridId = await AuditTrail.ProfessionalIdAsync(factory.Services, "ingrid.meijer@demo.proeftuin.nl");
        var youssefId = await AuditTrail.ProfessionalIdAsync(factory.Services, "youssef.benali@demo.proeftuin.nl");
        await using var ingridConnection = await HubConnections.ConnectAsync(factory, "ingrid.meijer@demo.proeftuin.nl");
        await using var youssefConnection = await HubConnections.ConnectAsync(factory, "youssef.benali@demo.proeftuin.nl");
        var ingrid = new LiveDocumentClient(ingridConnection, "ingrid-edits");
        var youssef = new LiveDocumentClient(youssefConnection, "youssef-edits");
        await ingrid.JoinAsync(meetingId);
        await youssef.JoinAsync(meetingId);
        var caseId = agenda.Single(id => MeetingHub.CaseDocument(id) == ingrid.DocumentId).ToString();

        await ingrid.TypeAsync(0, "Eerste. ");
        await ingrid.WaitUntilSynchronizedAsync();
        await ingrid.TypeAsync(0, "Tweede. ");
        await ingrid.WaitUntilSynchronizedAsync();
        await youssef.TypeAsync(0, "Derde. ");
        await youssef.WaitUntilSynchronizedAsync();

        // The queue writes in order: once the second author's entry is there, the first author's second edit would be too.
        var edits = await AuditTrail.WaitForAsync(
            factory.Services,
            q => q.Where(e => e.Action == "edit" && e.ObjectId == caseId),
            entries => entries.Any(e => e.UserId == youssefId));

        Assert.Empty(ingrid.Refusals);
        Assert.Empty(youssef.Refusals);
        Assert.Equal([ingridId, youssefId], edits.Select(e => e.UserId!.Value));
        Assert.All(edits, e => Assert.Equal(("CaseFile", "success", "Member"), (e.ObjectType, e.Outcome, e.Role)));
        Assert.All(edits, e => Assert.NotNull(e.NeighbourhoodId));
        Assert.All(edits, e => Assert.Equal(AuditChain.HmacSha256, e.ChainVersion));
    }

    private async Task<(Guid MeetingId, List<Guid> Agenda)> PlannedMeetingAsync(string neighbourhood)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.NeighbourhoodId == id && m.Status == MeetingStatus.Planned);
        return (meeting.Id, [.. meeting.Agenda.Select(a => a.CaseFileId)]);
    }
}
