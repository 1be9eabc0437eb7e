using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// "Geen identificerend gegeven" in the verslag: a member judges a finding with a reason, the room sees it go and the
/// chair can make the verslag final; a wrong place or an empty reason changes nothing.
/// </summary>
public sealed class Minutes_dismissals(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "ingrid.meijer@demo.proeftuin.nl";
    private const string Member = "youssef.benali@demo.proeftuin.nl";
    private const string Typed = "\nAlgemeen nummer van de praktijk: 06-12345678.";

    [Fact]
    public async Task A_finding_in_the_minutes_dismissed_with_a_reason_leaves_the_room_and_lets_the_chair_finalise()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("binnenstad");
        var agenda = await factory.QueryAsync(db => db.AgendaItems.Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync());
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        var seen = new ConcurrentQueue<FindingsBroadcast>();
        chair.On<FindingsBroadcast>(nameof(IMeetingClient.FindingsChanged), seen.Enqueue);
        await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.CloseMeeting));
        var minutesDocument = MeetingHub.MinutesDocument(meetingId);
        var writer = new LiveDocumentClient(chair, "chair-minutes");
        await writer.JoinAsync(meetingId, minutesDocument);
        await writer.TypeAsync(writer.Document.Text.Length, Typed);
        await writer.WaitUntilSynchronizedAsync();
        await Eventually.UntilAsync(() => seen.Any(b => b.DocumentId == minutesDocument && b.Findings.Any(f => f.Category == "PHONE")), "the room hears of the phone number");
        var phone = seen.Last(b => b.DocumentId == minutesDocument).Findings.Single(f => f.Category == "PHONE");
        var dismissals = new Uri($"/api/meetings/{meetingId}/minutes/dismissals", UriKind.Relative);
        using var member = await factory.SignedInAsync(Member);

        using var elsewhere = await member.PostAsJsonAsync(dismissals, new { start = phone.Start + 1, end = phone.End, category = "PHONE", reason = "Algemeen nummer van de praktijk" });
        using var noReason = await member.PostAsJsonAsync(dismissals, new { start = phone.Start, end = phone.End, category = "PHONE", reason = " " });
        var storedBefore = await factory.QueryAsync(db => db.CaseFindingDismissals.CountAsync());
        using var dismissed = await member.PostAsJsonAsync(dismissals, new { start = phone.Start, end = phone.End, category = "PHONE", reason = "Algemeen nummer van de praktijk" });
        await Eventually.UntilAsync(() => seen.LastOrDefault(b => b.DocumentId == minutesDocument) is { Findings.Count: 0 }, "the room hears the finding is gone");
        var final = await chair.InvokeAsync<HubResult<MinutesView>>(nameof(MeetingHub.FinaliseMinutes));

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        Assert.True(final.Ok, final.Error?.Message);
        var stored = await factory.QueryAsync(db => db.CaseFindingDismissals.Where(d => agenda.Contains(d.CaseFileId) && d.Reason == "Algemeen nummer van de praktijk").ToListAsync());
        Assert.Equal(agenda.Order(), stored.Select(d => d.CaseFileId).Order());
        Assert.Equal(storedBefore + agenda.Count, await factory.QueryAsync(db => db.CaseFindingDismissals.CountAsync()));
        Assert.All(stored, d => Assert.DoesNotContain("12345678", d.TextHash, StringComparison.Ordinal));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "dismiss-finding" && e.ObjectType == "Minutes" && e.ObjectId == meetingId.ToString() && e.Outcome == "success")));
        Assert.Contains("06-12345678", (await factory.QueryAsync(db => db.MeetingMinutes.SingleAsync(m => m.MeetingId == meetingId))).FinalText!, StringComparison.Ordinal);
    }
}
