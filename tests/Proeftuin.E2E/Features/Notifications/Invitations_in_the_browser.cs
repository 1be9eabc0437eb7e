using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Proeftuin.Data;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure.Mail;

namespace Proeftuin.E2E.Features.Notifications;

/// <summary>
/// The chair of Ondiep plans a meeting in the browser; the app's own outbox worker sends the invitations to the file
/// mail sink, and every member's mail holds one whose .ics (read back with Ical.Net) starts at the time the chair typed,
/// in Europe/Amsterdam.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Invitations_in_the_browser(BrowserSession session)
{
    private const string Title = "Casuïstiek maart (uitnodiging)";

    [Fact]
    public async Task Chair_plans_a_meeting_and_every_member_gets_an_invitation_in_Amsterdam_time()
    {
        var chair = await session.NewSignedInPageAsync("joost.mulder@demo.proeftuin.nl");

        await chair.GotoAsync("/besprekingen/plannen?wijk=ondiep");
        var cases = await chair.GetByTestId("agenda-case").Locator("label").AllInnerTextsAsync();
        await chair.GetByLabel("Titel van de bespreking").FillAsync(Title);
        await chair.GetByLabel("Datum").FillAsync("2027-03-11");
        await chair.GetByLabel("Begintijd (Nederlandse tijd)").FillAsync("19:00");
        await chair.GetByLabel(cases[0], new() { Exact = true }).CheckAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking plannen" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("meeting-row").Filter(new() { HasText = Title })).ToHaveCountAsync(1, new() { Timeout = BrowserSession.ExpectTimeout });

        var members = await MembersAsync("ondiep");
        var folder = session.App.Services.GetRequiredService<FileMailSink>().Folder;
        await Eventually.UntilAsync(() => Invitations(folder).Count == members.Count, "every member's invitation is in the mail sink");

        var invitations = Invitations(folder);
        Assert.Equal(members.Order(), invitations.Select(m => m.To.Mailboxes.Single().Address).Order());
        var uids = new List<string?>();
        Assert.All(invitations, mail =>
        {
            var ics = mail.Attachments.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
            var calendar = Calendar.Load(ics.Text)!;
            var invitation = Assert.Single(calendar.Events);
            Assert.Equal("REQUEST", calendar.Method);
            uids.Add(invitation.Uid);
            Assert.Equal("Europe/Amsterdam", invitation.Start!.TzId);
            Assert.Equal(new DateTime(2027, 3, 11, 19, 0, 0), invitation.Start.Value);
            Assert.Equal(new DateTime(2027, 3, 11, 18, 0, 0, DateTimeKind.Utc), invitation.Start.AsUtc); // winter time: UTC+1
        });
        Assert.Single(uids.Distinct()); // one calendar entry, the same for everyone
    }

    private async Task<List<string>> MembersAsync(string neighbourhood)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await db.Memberships.Where(m => db.Neighbourhoods.Any(n => n.Id == m.NeighbourhoodId && n.Slug == neighbourhood))
            .Join(db.Professionals, m => m.ProfessionalId, p => p.Id, (_, p) => p.Email).ToListAsync();
    }

    private static List<MimeMessage> Invitations(string folder) => !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).StartsWith($"Uitnodiging: {Title}", StringComparison.Ordinal))];
}
