using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Cases;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>The time slider: who changed a case text when, and the text at any revision.</summary>
public sealed class Case_history(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task History_names_each_author_and_rebuilds_the_text_at_any_revision()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        var joost = new LiveDocumentClient(await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl"), "joost-history");
        await joost.JoinAsync(meetingId);
        var original = joost.Document.Text;
        foreach (var c in "Eerst")
        {
            await joost.TypeAsync(joost.Document.Text.Length, c.ToString());
        }

        await joost.WaitUntilSynchronizedAsync();
        var afterJoost = joost.Document.Text;
        var kevin = new LiveDocumentClient(await HubConnections.ConnectAsync(factory, "kevin.smit@demo.proeftuin.nl"), "kevin-history");
        await kevin.JoinAsync(meetingId);
        await kevin.TypeAsync(0, "Dan ");
        await kevin.WaitUntilSynchronizedAsync();
        var caseId = Guid.ParseExact(joost.DocumentId[5..], "N");
        var member = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");
        var outsider = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");

        var history = (await member.GetFromJsonAsync<CaseHistoryDto>($"/api/cases/{caseId}/history"))!;
        var atStart = (await member.GetFromJsonAsync<CaseRevisionDto>($"/api/cases/{caseId}/history/0"))!;
        var afterFirstAuthor = (await member.GetFromJsonAsync<CaseRevisionDto>($"/api/cases/{caseId}/history/{history.Changes[0].ToRevision}"))!;
        var latest = (await member.GetFromJsonAsync<CaseRevisionDto>($"/api/cases/{caseId}/history/{history.LatestRevision}"))!;
        using var refused = await outsider.GetAsync(new Uri($"/api/cases/{caseId}/history", UriKind.Relative));

        Assert.Equal(["Joost Mulder", "Kevin Smit"], history.Changes.Select(c => c.AuthorName));
        Assert.Equal(5, history.Changes[0].Operations);
        Assert.Equal(original, atStart.Text);
        Assert.Equal(afterJoost, afterFirstAuthor.Text);
        Assert.Equal("Dan " + afterJoost, latest.Text);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await joost.Connection.DisposeAsync();
        await kevin.Connection.DisposeAsync();
    }

    [Fact]
    public async Task Reading_the_history_and_a_revision_is_audit_logged_and_so_is_a_refusal()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var caseId = await db.CaseFiles.Where(c => c.NeighbourhoodId == db.Neighbourhoods.Single(n => n.Slug == "ondiep").Id).Select(c => c.Id).FirstAsync();
        var esra = await AuditTrail.ProfessionalIdAsync(factory.Services, "esra.yilmaz@demo.proeftuin.nl");
        var ingrid = await AuditTrail.ProfessionalIdAsync(factory.Services, "ingrid.meijer@demo.proeftuin.nl");
        var member = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");
        var outsider = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        var before = await db.AuditEntries.MaxAsync(e => e.Sequence);

        using var history = await member.GetAsync(new Uri($"/api/cases/{caseId}/history", UriKind.Relative));
        using var revision = await member.GetAsync(new Uri($"/api/cases/{caseId}/history/0", UriKind.Relative));
        using var refusedHistory = await outsider.GetAsync(new Uri($"/api/cases/{caseId}/history", UriKind.Relative));
        using var refusedRevision = await outsider.GetAsync(new Uri($"/api/cases/{caseId}/history/0", UriKind.Relative));

        var entries = await AuditTrail.EntriesAsync(factory.Services, q => q.Where(e => e.Sequence > before && (e.UserId == esra || e.UserId == ingrid) && (e.ObjectType == "CaseHistory" || e.ObjectType == "CaseRevision")));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (history.StatusCode, revision.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refusedHistory.StatusCode, refusedRevision.StatusCode));
        Assert.Equal(
            [(esra, "success", "CaseHistory", caseId.ToString()), (esra, "success", "CaseRevision", $"{caseId}@0"),
             (ingrid, "denied", "CaseHistory", caseId.ToString()), (ingrid, "denied", "CaseRevision", $"{caseId}@0")],
            entries.Select(e => (e.UserId!.Value, e.Outcome, e.ObjectType!, e.ObjectId!)));
    }
}
