using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The verslag is co-edited after the meeting and then leaves the wijk in files: what is typed in is checked live like
/// the case text, and while anything is open it can neither be made final nor exported in any format.
/// </summary>
public sealed class Guarded_minutes(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "ingrid.meijer@demo.proeftuin.nl";
    private const string Member = "youssef.benali@demo.proeftuin.nl";
    private const string Typed = "\nBel de moeder op 06-12345678.";

    [Fact]
    public async Task A_phone_number_typed_into_the_minutes_is_shown_live_and_blocks_finalising_and_every_export_until_it_is_gone()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("binnenstad");
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var member = await HubConnections.ConnectAsync(factory, Member);
        var seen = new ConcurrentQueue<FindingsBroadcast>();
        member.On<FindingsBroadcast>(nameof(IMeetingClient.FindingsChanged), seen.Enqueue);
        await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var closed = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));
        var minutesDocument = MeetingHub.MinutesDocument(meetingId);
        var writer = new LiveDocumentClient(chair, "chair-minutes");
        await writer.JoinAsync(meetingId, minutesDocument);
        await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);

        await writer.TypeAsync(writer.Document.Text.Length, Typed);
        await writer.WaitUntilSynchronizedAsync();
        await WaitUntilAsync(() => seen.Any(b => b.DocumentId == minutesDocument && b.Findings.Any(f => f.Category == "PHONE")));
        var refused = await chair.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));
        using var kevin = await factory.SignedInAsync(Member);
        var exports = new Dictionary<string, (HttpStatusCode Status, string Body)>();
        foreach (var format in new[] { "md", "csv", "html", "docx" })
        {
            using var response = await kevin.GetAsync(new Uri($"/api/meetings/{meetingId}/minutes.{format}", UriKind.Relative));
            exports[format] = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        // Take the number out again: the room hears the finding is gone, and the chair can make the verslag final.
        var at = writer.Document.Text.IndexOf(Typed, StringComparison.Ordinal);
        var removed = await chair.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(minutesDocument, writer.Document.Revision, TextOperation.DeleteAt(writer.Document.Text.Length, at, Typed.Length), "chair-remove", 1));
        await WaitUntilAsync(() => seen.LastOrDefault(b => b.DocumentId == minutesDocument) is { Findings.Count: 0 });
        var final = await chair.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));
        using var afterwards = await kevin.GetAsync(new Uri($"/api/meetings/{meetingId}/minutes.md", UriKind.Relative));

        Assert.True(closed.Ok, closed.Error?.Message);
        Assert.Equal("anonymization.open", refused.Error!.Code);
        Assert.Contains(refused.Error.Findings!, f => f.Field == "minutes" && f.Category == "PHONE" && f.Placeholder == "[telefoonnummer]");
        foreach (var (format, (status, body)) in exports)
        {
            Assert.True(status == HttpStatusCode.Conflict, $"{format}: {status}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("https://proeftuin.nl/problems/anonymization.open", problem.GetProperty("type").GetString());
            Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "PHONE");
            Assert.DoesNotContain("06-12345678", body, StringComparison.Ordinal);
        }

        Assert.True(removed.Ok, removed.Error?.Message);
        Assert.True(final.Ok, final.Error?.Message);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.DoesNotContain("06-12345678", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.MeetingMinutes.SingleAsync(m => m.MeetingId == meetingId));
        Assert.DoesNotContain("06-12345678", stored.FinalText!, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("Minutes", meetingId.ToString(), "denied"));
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.UntilAsync(condition, "the room's findings broadcast");
}
