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
/// in Europe/Amsterdam; when the chair moves it on the edit page, every member gets an update of the same calendar entry
/// (same UID, higher SEQUENCE).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Invitations_in_the_browser(BrowserSession session)
{
    private const string Title = "Casuïstiek maart (uitnodiging)";

    [Fact]
    public async Task Chair_plans_a_meeting_and_every_member_gets_an_invitation_in_Amsterdam_time_and_an_update_when_it_moves()
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
            var calendar = Calendar.Load(CalendarText(mail))!;
            var invitation = Assert.Single(calendar.Events);
            Assert.Equal("REQUEST", calendar.Method);
            uids.Add(invitation.Uid);
            Assert.Equal("Europe/Amsterdam", invitation.Start!.TzId);
            Assert.Equal(new DateTime(2027, 3, 11, 19, 0, 0), invitation.Start.Value);
            Assert.Equal(new DateTime(2027, 3, 11, 18, 0, 0, DateTimeKind.Utc), invitation.Start.AsUtc); // winter time: UTC+1
        });
        Assert.Single(uids.Distinct()); // one calendar entry, the same for everyone

        // The chair moves it to summer time on the edit page: every member gets an update of the same calendar entry.
        await chair.GetByTestId("meeting-row").Filter(new() { HasText = Title }).GetByRole(AriaRole.Link).ClickAsync();
        await chair.GetByTestId("edit-meeting").ClickAsync();
        await chair.GetByLabel("Datum").FillAsync("2027-07-01");
        await chair.GetByLabel("Begintijd (Nederlandse tijd)").FillAsync("10:30");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("status-message")).ToHaveTextAsync("De wijzigingen zijn opgeslagen.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Eventually.UntilAsync(() => Mails(folder, "Gewijzigd").Count == members.Count, "every member's update is in the mail sink");

        var updates = Mails(folder, "Gewijzigd");
        Assert.Equal(members.Order(), updates.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(updates, mail =>
        {
            var calendar = Calendar.Load(CalendarText(mail))!;
            var update = Assert.Single(calendar.Events);
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal(uids[0], update.Uid);
            Assert.True(update.Sequence > 0, $"the update's SEQUENCE is {update.Sequence}, the invitation's 0");
            Assert.Equal(new DateTime(2027, 7, 1, 10, 30, 0), update.Start!.Value);
            Assert.Equal(new DateTime(2027, 7, 1, 8, 30, 0, DateTimeKind.Utc), update.Start.AsUtc); // summer time: UTC+2
        });
    }

    private async Task<List<string>> MembersAsync(string neighbourhood)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await db.Memberships.Where(m => db.Neighbourhoods.Any(n => n.Id == m.NeighbourhoodId && n.Slug == neighbourhood))
            .Join(db.Professionals, m => m.ProfessionalId, p => p.Id, (_, p) => p.Email).ToListAsync();
    }

    private static List<MimeMessage> Invitations(string folder) => Mails(folder, "Uitnodiging");

    private static List<MimeMessage> Mails(string folder, string kind) => !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).StartsWith($"{kind}: {Title}", StringComparison.Ordinal))];

    private static string CalendarText(MimeMessage mail) =>
        mail.Attachments.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar")).Text;
}
