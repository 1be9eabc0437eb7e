using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Cases.Preparation;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>
/// The time line's diff and restore: the page shows what changed between two versions, and the chair of the wijk puts
/// an earlier version back through the live document, so an editor that has the case open converges on it.
/// </summary>
public sealed class Case_restore(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Joost = "joost.mulder@demo.proeftuin.nl"; // chair of Ondiep
    private const string Kevin = "kevin.smit@demo.proeftuin.nl";
    private const string Esra = "esra.yilmaz@demo.proeftuin.nl";

    [Fact]
    public async Task The_chair_restores_an_earlier_version_and_an_open_editor_converges_on_it()
    {
        var caseId = await DraftCaseAsync();
        await using var connection = await HubConnections.ConnectAsync(factory, Kevin, path: CaseHub.Path);
        var kevin = new LiveDocumentClient(connection, "kevin-restore");
        await kevin.JoinCaseAsync(caseId);
        await kevin.TypeAsync(0, "Moeder belt de school. ");
        await kevin.WaitUntilSynchronizedAsync();
        var (earlier, version) = (kevin.Document.Text, kevin.Document.Revision);
        await kevin.TypeAsync(0, "Vader belt de huisarts. ");
        await kevin.WaitUntilSynchronizedAsync();
        var chair = await factory.SignedInAsync(Joost);
        var page = $"/casussen/{caseId}?versie={version}";

        var shown = await chair.OpenAsync(page);
        var asked = await chair.SubmitAsync(page, $"/casussen/{caseId}?handler=Restore", new Dictionary<string, string> { ["versie"] = $"{version}" });
        var restored = await chair.SubmitAsync(page, $"/casussen/{caseId}?handler=RestoreConfirmed", new Dictionary<string, string> { ["versie"] = $"{version}" });
        await Eventually.UntilAsync(() => kevin.Document.Text == earlier, "the open editor has the restored text");

        Assert.Contains("<ins class=\"proeftuin-diff__inserted\"><span class=\"proeftuin-visually-hidden\">[toegevoegd: </span>Vader belt de huisarts. ", shown.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"restore-form\"", shown.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"restore-confirmation\"", asked.Html, StringComparison.Ordinal);
        Assert.Equal(earlier, await LiveTextAsync(caseId));
        Assert.Equal(HttpStatusCode.OK, restored.Status);
        Assert.Contains($"Versie {version} is teruggezet", restored.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-diff\"", restored.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("CaseRevision", $"{caseId}@{version}", "success"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "restore" && e.ObjectId == $"{caseId}@{version}" && e.Outcome == "success")));
        await kevin.TypeAsync(0, "Daarna: ");
        await kevin.WaitUntilSynchronizedAsync();
        Assert.Equal("Daarna: " + earlier, await LiveTextAsync(caseId));
    }

    [Fact]
    public async Task A_member_who_is_not_the_chair_cannot_restore_and_the_refusal_is_audited()
    {
        var caseId = await DraftCaseAsync();
        await using var connection = await HubConnections.ConnectAsync(factory, Kevin, path: CaseHub.Path);
        var kevin = new LiveDocumentClient(connection, "kevin-restore-refused");
        await kevin.JoinCaseAsync(caseId);
        await kevin.TypeAsync(0, "Eerste zin. ");
        await kevin.WaitUntilSynchronizedAsync();
        var live = kevin.Document.Text;
        var member = await factory.SignedInAsync(Esra);
        var page = $"/casussen/{caseId}?versie=0";

        var shown = await member.OpenAsync(page);
        var refused = await member.SubmitAsync(page, $"/casussen/{caseId}?handler=RestoreConfirmed", new Dictionary<string, string> { ["versie"] = "0" });

        Assert.Contains("data-testid=\"version-diff\"", shown.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"restore-form\"", shown.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(live, await LiveTextAsync(caseId));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "restore" && e.ObjectId == $"{caseId}@0" && e.Outcome == "denied")));
    }

    [Fact]
    public async Task A_version_with_an_open_finding_is_not_restored()
    {
        var caseId = await DraftCaseAsync();
        await using var connection = await HubConnections.ConnectAsync(factory, Kevin, path: CaseHub.Path);
        var kevin = new LiveDocumentClient(connection, "kevin-restore-finding");
        await kevin.JoinCaseAsync(caseId);
        const string mail = "Mail naar jan.de.vries@voorbeeld.nl gestuurd. ";
        await kevin.TypeAsync(0, mail);
        await kevin.WaitUntilSynchronizedAsync();
        var withFinding = kevin.Document.Revision;
        await kevin.Connection.InvokeAsync<object>("SubmitOperation", new Proeftuin.Web.Features.Meetings.Live.SubmitRequest(
            kevin.DocumentId, kevin.Document.Revision, TextOperation.DeleteAt(kevin.Document.Text.Length, 0, mail.Length), "kevin-restore-finding-delete", 1));
        await Eventually.UntilAsync(async () => !(await LiveTextAsync(caseId)).Contains("voorbeeld.nl", StringComparison.Ordinal), "the address is deleted");
        var live = await LiveTextAsync(caseId);
        var chair = await factory.SignedInAsync(Joost);
        var page = $"/casussen/{caseId}?versie={withFinding}";

        var refused = await chair.SubmitAsync(page, $"/casussen/{caseId}?handler=RestoreConfirmed", new Dictionary<string, string> { ["versie"] = $"{withFinding}" });

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("open bevinding", refused.Text, StringComparison.Ordinal);
        Assert.Equal(live, await LiveTextAsync(caseId));
    }

    private async Task<string> LiveTextAsync(Guid caseId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var stored = await db.CaseFiles.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Text).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<DocumentStore>().TextAtAsync(DocumentId.ForCase(caseId), stored, long.MaxValue, CancellationToken.None)).Text;
    }

    /// <summary>A new draft case of Ondiep, on no agenda.</summary>
    private async Task<Guid> DraftCaseAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.CaseCodePrefix == "OND");
        var author = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood.Id).Select(m => m.ProfessionalId).FirstAsync();
        var now = DateTime.UtcNow;
        var existing = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).Select(c => c.Code).ToListAsync();
        var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Next("OND", now.Year, existing), "Terugzetten op de tijdlijn", AgeBand.Child, ["school"], author, now);
        db.CaseFiles.Add(caseFile);
        await db.SaveChangesAsync();
        return caseFile.Id;
    }
}
