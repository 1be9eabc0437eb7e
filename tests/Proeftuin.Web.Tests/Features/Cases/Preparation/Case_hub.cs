using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Cases.Preparation;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases.Preparation;

/// <summary>
/// Preparing a case before any meeting over real SignalR connections (<c>/hubs/case</c>), authenticated with real
/// OpenID Connect tokens: members of the wijk co-edit and converge, others are refused (and audit-logged), and a case
/// text open on the case page and in a live meeting room is one document session with one revision sequence.
/// </summary>
public sealed class Case_hub(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private const string Kevin = "kevin.smit@demo.proeftuin.nl";
    private const string Esra = "esra.yilmaz@demo.proeftuin.nl";
    private const string Joost = "joost.mulder@demo.proeftuin.nl";
    private const string OtherNeighbourhood = "fatima.elamrani@demo.proeftuin.nl";

    [Fact]
    public async Task Two_members_prepare_a_draft_case_before_any_meeting_and_converge_with_the_server()
    {
        var caseId = await DraftCaseAsync("OND");
        await using var kevin = await ConnectAsync(Kevin);
        await using var esra = await ConnectAsync(Esra);
        var a = await JoinAsync(kevin, caseId, "kevin-prep");
        var b = await JoinAsync(esra, caseId, "esra-prep");

        var typing = new List<Task>();
        for (var i = 0; i < 15; i++)
        {
            typing.Add(a.TypeAsync(0, "α"));
            typing.Add(b.TypeAsync(int.MaxValue, "β"));
        }

        await Task.WhenAll(typing);
        await LiveDocumentClient.ConvergeAsync([a, b]);
        await using var late = await ConnectAsync(Joost);
        var rejoined = await JoinAsync(late, caseId, "joost-prep");

        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.Equal(a.Document.Text, rejoined.Document.Text);
        Assert.Equal(15, a.Document.Text.Count(c => c == 'α'));
        Assert.Equal(15, a.Document.Text.Count(c => c == 'β'));
        await using var scope = factory.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<Proeftuin.Data.Collaboration.DocumentStore>()
            .OperationsAfterAsync(DocumentId.ForCase(caseId), 0, CancellationToken.None);
        // Edits typed while one is in flight travel composed, so the log holds fewer entries than keystrokes: one per revision.
        Assert.Equal(a.Document.Revision, log.Count);
        await AuditTrail.WaitForAsync(factory.Services, q => q.Where(e => e.ObjectType == "CaseFile" && e.ObjectId == caseId.ToString() && e.Outcome == "success"),
            entries => entries.Count(e => e.Action == "join") >= 3 && entries.Count(e => e.Action == "edit") >= 2);
    }

    [Fact]
    public async Task A_member_of_another_wijk_cannot_join_edit_or_catch_up_and_the_refusal_is_audited()
    {
        var caseId = await DraftCaseAsync("OND");
        await using var fatima = await ConnectAsync(OtherNeighbourhood);

        var join = await fatima.InvokeAsync<HubResult<CaseSnapshot>>(nameof(CaseHub.JoinCase), caseId);
        var submit = await fatima.InvokeAsync<HubResult<SubmitAck>>(nameof(CaseHub.SubmitOperation),
            new SubmitRequest(DocumentId.ForCase(caseId), 0, ReceivedOperation.Of(TextOperation.InsertAt(0, 0, "x")), "fatima", 1));
        var catchUp = await fatima.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(CaseHub.CatchUp), (string)DocumentId.ForCase(caseId), 0L);

        Assert.Equal("forbidden", join.Error!.Code);
        Assert.Equal("case.not-joined", submit.Error!.Code);
        Assert.Equal("case.not-joined", catchUp.Error!.Code);
        await using var scope = factory.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<Proeftuin.Data.Collaboration.DocumentStore>()
            .OperationsAfterAsync(DocumentId.ForCase(caseId), 0, CancellationToken.None);
        Assert.Empty(log);
        await AuditTrail.WaitForAsync(factory.Services, q => q.Where(e => e.Action == "join" && e.Outcome == "denied" && e.ObjectId == caseId.ToString()), entries => entries.Count == 1);
    }

    [Fact]
    public async Task A_case_in_a_live_meeting_edited_on_the_case_page_and_in_the_room_is_one_session_with_one_revision_sequence()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var chair = await ConnectAsync(Joost, MeetingHub.Path);
        var room = new LiveDocumentClient(chair, "joost-room");
        await room.JoinAsync(meetingId);
        var started = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        Assert.True(started.Ok, started.Error?.Message);
        var caseId = DocumentId.Parse(room.DocumentId).Id;
        await using var kevin = await ConnectAsync(Kevin);
        var page = await JoinAsync(kevin, caseId, "kevin-page");
        Assert.Equal(room.Document.Revision, page.Document.Revision);
        var (rBefore, pBefore) = (page.Document.Text.Count(c => c == 'R'), page.Document.Text.Count(c => c == 'P'));

        var typing = new List<Task>();
        for (var i = 0; i < 12; i++)
        {
            typing.Add(room.TypeAsync(0, "R"));
            typing.Add(page.TypeAsync(0, "P"));
        }

        await Task.WhenAll(typing);
        await LiveDocumentClient.ConvergeAsync([room, page]);

        Assert.Equal(room.Document.Text, page.Document.Text);
        Assert.Equal(rBefore + 12, page.Document.Text.Count(c => c == 'R'));
        Assert.Equal(pBefore + 12, room.Document.Text.Count(c => c == 'P'));
        await using var scope = factory.Services.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<LiveDocuments>().GetAsync(DocumentId.ForCase(caseId), string.Empty, CancellationToken.None);
        var (text, revision) = await session.SnapshotAsync(CancellationToken.None);
        Assert.Equal(room.Document.Text, text);
        Assert.Equal(room.Document.Revision, revision);
        var status = await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync();
        Assert.Equal(MeetingStatus.Live, status);
    }

    [Fact]
    public void The_case_hub_requires_a_completed_second_factor_and_its_endpoint_carries_the_rule()
    {
        var rule = (AuthorizeAttribute)Assert.Single(typeof(CaseHub).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true));
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(CaseHub.Path, StringComparison.Ordinal) == true).ToList();

        Assert.Equal(IdentitySetup.TwoFactorCompleted, rule.Policy);
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<IAuthorizeData>()));
    }

    private Task<HubConnection> ConnectAsync(string email, string path = CaseHub.Path) => HubConnections.ConnectAsync(factory, email, path: path);

    private static async Task<LiveDocumentClient> JoinAsync(HubConnection connection, Guid caseId, string clientId)
    {
        var client = new LiveDocumentClient(connection, clientId);
        await client.JoinCaseAsync(caseId);
        return client;
    }

    /// <summary>A new draft case of the wijk with <paramref name="prefix"/>, on no agenda, as the case page creates one.</summary>
    private async Task<Guid> DraftCaseAsync(string prefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.CaseCodePrefix == prefix);
        var author = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood.Id).Select(m => m.ProfessionalId).FirstAsync();
        var now = DateTime.UtcNow;
        var existing = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).Select(c => c.Code).ToListAsync();
        var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Next(prefix, now.Year, existing), "Voorbereiding zonder bespreking", AgeBand.Child, ["school"], author, now);
        db.CaseFiles.Add(caseFile);
        await db.SaveChangesAsync();
        return caseFile.Id;
    }
}
