using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Meetings;

/// <summary>
/// Recommendations in two browsers of Ondiep: one is written for the second case on the agenda (chosen in "Voor", not
/// the case shown), one for the meeting as a whole; both members edit the same one at once, the second sees both
/// versions and keeps their own; after closing, the verslag lists them under their cases with owner and dd-mm-jjjj.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Recommendations_in_the_browser(BrowserSession session)
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Two_members_edit_one_recommendation_at_once_and_the_verslag_lists_it_under_its_case_with_owner_and_due_date()
    {
        var meeting = await MeetingWithTwoCasesAsync();
        var chair = await OpenRoomAsync(Chair, meeting.Id);
        var member = await OpenRoomAsync(Member, meeting.Id);
        chair.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking starten" }).ClickAsync();

        // The first case is current; the member writes for the second one, with owner and due date.
        await member.GetByLabel("Voor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = meeting.SecondCaseId.ToString() });
        await member.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync("Samen met school een plan maken");
        await member.GetByLabel("Klant centraal").CheckAsync();
        await member.GetByLabel("Eigenaar").SelectOptionAsync(new SelectOptionValue { Label = "Joost Mulder" });
        await member.GetByLabel("Uiterlijk klaar op").FillAsync("2027-01-15");
        await member.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        var onChair = chair.GetByTestId("recommendations").Locator("li", new() { HasText = "Samen met school een plan maken" });
        await Assertions.Expect(onChair).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(onChair).ToContainTextAsync($"Voor: {meeting.SecondCase}", PatientlyContains);
        await Assertions.Expect(onChair).ToContainTextAsync("uiterlijk 15-01-2027", PatientlyContains);

        // And one for the meeting as a whole.
        await chair.GetByLabel("Voor", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "De bespreking als geheel" });
        await chair.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync("Wachttijden stedelijk agenderen");
        await chair.GetByLabel("Randvoorwaarden").CheckAsync();
        await chair.Locator("#rec-level").SelectOptionAsync("City");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("recommendations").Locator("li", new() { HasText = "Wachttijden stedelijk agenderen" })).ToBeVisibleAsync(Patiently);

        // Both open the same recommendation (version 1); the chair saves first, the member second.
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bewerken: Samen met school een plan maken" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Bewerken: Samen met school een plan maken" }).ClickAsync();
        await chair.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync("Samen met school en buurtteam een plan maken");
        await member.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync("Samen met school een plan maken binnen twee weken");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("recommendations")).ToContainTextAsync("Samen met school en buurtteam een plan maken", PatientlyContains);
        await member.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        var conflict = member.GetByTestId("rec-conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(conflict.GetByTestId("rec-theirs")).ToContainTextAsync("Samen met school en buurtteam een plan maken", PatientlyContains);
        await Assertions.Expect(conflict.GetByTestId("rec-yours")).ToContainTextAsync("Samen met school een plan maken binnen twee weken", PatientlyContains);
        await Accessibility.AssertNoViolationsAsync(member);
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Mijn versie opslaan" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("recommendations")).ToContainTextAsync("Samen met school een plan maken binnen twee weken", PatientlyContains);
        await Assertions.Expect(conflict).ToBeHiddenAsync(new() { Timeout = BrowserSession.ExpectTimeout });

        // Closed: the verslag holds each recommendation under the case it was written for.
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking sluiten" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("meeting-status")).ToHaveTextAsync("Gesloten", new() { Timeout = BrowserSession.ExpectTimeout });
        await member.GotoAsync($"/besprekingen/{meeting.Id}/verslag");
        var minutes = await member.GetByTestId("minutes").InnerTextAsync();
        var second = minutes.IndexOf(meeting.SecondCase, minutes.LastIndexOf("Aanbevelingen per casus", StringComparison.Ordinal), StringComparison.Ordinal);
        var whole = minutes.LastIndexOf("De bespreking als geheel", StringComparison.Ordinal);
        Assert.True(second > 0 && second < whole, minutes);
        Assert.Contains("Samen met school een plan maken binnen twee weken (Klant centraal; Casus). Eigenaar: Joost Mulder. Deadline: 15-01-2027.", minutes[second..whole], StringComparison.Ordinal);
        Assert.Contains("Wachttijden stedelijk agenderen (Randvoorwaarden; Stedelijk). Eigenaar: —. Deadline: —.", minutes[whole..], StringComparison.Ordinal);
    }

    private async Task<IPage> OpenRoomAsync(string email, Guid meetingId)
    {
        var page = await session.NewSignedInPageAsync(email);
        await page.GotoAsync($"/besprekingen/{meetingId}");
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(page.Locator(".cm-content")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A new planned meeting of Ondiep with two of its cases; the second case's "code — title" as the form shows it.</summary>
    private async Task<(Guid Id, Guid SecondCaseId, string SecondCase)> MeetingWithTwoCasesAsync()
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var chair = await db.Professionals.Where(p => p.Email == Chair).Select(p => p.Id).SingleAsync();
        var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).OrderBy(c => c.Code).Take(2).ToListAsync();
        var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, "Aanbevelingen bespreken", DateTime.UtcNow.Date.AddDays(40).AddHours(12), chair);
        foreach (var caseFile in cases)
        {
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, cases[1].Id, $"{cases[1].Code} — {cases[1].Title}");
    }
}
