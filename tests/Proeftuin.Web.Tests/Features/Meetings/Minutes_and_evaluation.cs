using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>Closing Ondiep's meeting makes the verslag; two people edit it, the chair makes it final; participants rate the meeting.</summary>
public sealed class Minutes_and_evaluation(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";   // gezinswerker
    private const string Member = "kevin.smit@demo.proeftuin.nl";    // POH-GGZ

    [Fact]
    public async Task Closing_makes_the_minutes_two_people_edit_them_the_chair_makes_them_final_and_the_room_rates_the_meeting()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var member = await HubConnections.ConnectAsync(factory, Member);
        var minutesSeen = Received<MinutesView>.On(member, nameof(IMeetingClient.MinutesChanged));
        var before = (await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var caseDocument = before.Documents[0];
        var caseId = Guid.ParseExact(caseDocument.DocumentId[5..], "N");
        await member.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Wekelijks overleg tussen school en buurtteam", ["ProfessionalCoordination"], "Neighbourhood", ["FamilyWorker"], null, null, caseId));
        var tooEarly = await chair.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));

        var closed = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));
        var minutesDocument = MeetingHub.MinutesDocument(meetingId);
        var a = new LiveDocumentClient(chair, "chair-minutes");
        await a.JoinAsync(meetingId, minutesDocument);
        var b = new LiveDocumentClient(member, "member-minutes");
        await b.JoinAsync(meetingId, minutesDocument);
        var generated = a.Document.Text;
        await Task.WhenAll(a.TypeAsync(generated.Length, "\n- Vervolg in de volgende bespreking."), b.TypeAsync(0, "Concept. "));
        await LiveDocumentClient.ConvergeAsync([a, b]);
        var caseEdit = await member.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(caseDocument.DocumentId, caseDocument.Revision, TextOperation.InsertAt(caseDocument.Text.Length, 0, "x"), "member-case", 1));
        var byMember = await member.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));
        var final = await chair.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));
        var afterFinal = await member.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(minutesDocument, b.Document.Revision, TextOperation.InsertAt(b.Document.Text.Length, 0, "x"), "member-late", 1));

        var memberScore = await member.InvokeAsync<HubResult<EvaluationSummary>>(nameof(MeetingHub.EvaluateMeeting), 8, "Goed voorbereid");
        var again = await member.InvokeAsync<HubResult<EvaluationSummary>>(nameof(MeetingHub.EvaluateMeeting), 9, null);
        var outOfRange = await chair.InvokeAsync<HubResult<EvaluationSummary>>(nameof(MeetingHub.EvaluateMeeting), 11, null);
        var chairScore = await chair.InvokeAsync<HubResult<EvaluationSummary>>(nameof(MeetingHub.EvaluateMeeting), 6, null);
        await using var outsider = await HubConnections.ConnectAsync(factory, "esra.yilmaz@demo.proeftuin.nl");
        var rejoined = (await outsider.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        var notThere = await outsider.InvokeAsync<HubResult<EvaluationSummary>>(nameof(MeetingHub.EvaluateMeeting), 7, null);

        Assert.Equal("minutes.none", tooEarly.Error!.Code);
        Assert.True(closed.Ok, closed.Error?.Message);
        Assert.Contains("## Aanwezig", generated, StringComparison.Ordinal);
        Assert.Contains("- POH-GGZ: 1", generated, StringComparison.Ordinal);
        Assert.Contains("- Gezinswerker buurtteam: 1", generated, StringComparison.Ordinal);
        Assert.Contains("**Casusvraag:** " + MinutesTemplate.Section(caseDocument.Text, "Casusvraag voor de bespreking"), generated, StringComparison.Ordinal);
        Assert.Contains("**Aanbevelingen:** ", generated, StringComparison.Ordinal); // the list itself follows in the appendix
        Assert.DoesNotContain("Kevin", generated, StringComparison.Ordinal);
        Assert.Equal(a.Document.Text, b.Document.Text);
        Assert.StartsWith("Concept. # Verslag", a.Document.Text, StringComparison.Ordinal);
        Assert.Equal("meeting.closed", caseEdit.Error!.Code);
        Assert.Equal("forbidden", byMember.Error!.Code);
        Assert.Equal("Final", final.Value!.Status);
        Assert.Equal("minutes.final", afterFinal.Error!.Code);
        await minutesSeen.FirstAsync(m => m.Status == "Draft", "the draft minutes");
        Assert.Equal(new EvaluationSummary(1, 8), memberScore.Value);
        Assert.Equal("evaluation.duplicate", again.Error!.Code);
        Assert.Equal("evaluation.score", outOfRange.Error!.Code);
        Assert.Equal(new EvaluationSummary(2, 7), chairScore.Value);
        Assert.Equal("evaluation.attendee", notThere.Error!.Code);
        Assert.Equal("Final", rejoined.Minutes!.Status);
        Assert.Equal(a.Document.Text, rejoined.Documents.Single(d => d.DocumentId == minutesDocument).Text);
        using var reader = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");
        var page = await reader.OpenAsync($"/besprekingen/{meetingId}/verslag");
        using var markdown = await reader.GetAsync(new Uri($"/api/meetings/{meetingId}/minutes.md", UriKind.Relative));
        using var outsiderClient = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        using var refusedMarkdown = await outsiderClient.GetAsync(new Uri($"/api/meetings/{meetingId}/minutes.md", UriKind.Relative));
        Assert.Contains($"Definitief (versie {a.Document.Revision}).", page.Text, StringComparison.Ordinal);
        Assert.Contains("Vervolg in de volgende bespreking.", page.Text, StringComparison.Ordinal);
        // The export is the final text, then the appendix read from the records: recommendations, and the ratings given after closing.
        var exported = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith(a.Document.Text.TrimEnd(), exported, StringComparison.Ordinal);
        var appendix = exported[a.Document.Text.TrimEnd().Length..];
        Assert.Contains("Wekelijks overleg tussen school en buurtteam (Professionele afstemming; Wijk).", appendix, StringComparison.Ordinal);
        Assert.Contains("Gemiddeld cijfer: 7,0 (2 beoordelingen).", appendix, StringComparison.Ordinal);
        Assert.Contains("- Goed voorbereid", appendix, StringComparison.Ordinal);
        Assert.DoesNotContain("Kevin", appendix, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refusedMarkdown.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().MeetingMinutes.SingleAsync(m => m.MeetingId == meetingId);
        Assert.Equal(a.Document.Text, stored.FinalText);
        Assert.Equal(a.Document.Revision, stored.FinalRevision);
    }
}
