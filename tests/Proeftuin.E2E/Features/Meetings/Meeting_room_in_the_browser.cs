using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Meetings;

/// <summary>
/// Two professionals of Leidsche Rijn in two browsers (each logged in with two-factor) in one live meeting: they type
/// at once into the same paragraph, see each other's text and cursor, follow the chair's phases, see each other's
/// recommendations, and one keeps typing offline and catches up. A member of another wijk is refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Meeting_room_in_the_browser(BrowserSession session)
{
    private const string Chair = "ruud.jansen@demo.proeftuin.nl";
    private const string Member = "fatima.elamrani@demo.proeftuin.nl";
    private const string Recommendation = "Gezamenlijk huisbezoek van wijkverpleging en buurtteam";
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Two_professionals_co_edit_follow_the_chair_share_recommendations_and_survive_going_offline()
    {
        var meetingId = await PlannedMeetingAsync("leidsche-rijn");
        var chair = await OpenRoomAsync(Chair, meetingId);
        var member = await OpenRoomAsync(Member, meetingId);
        var errors = CollectErrors(chair, member);

        // Both type at the same time in the same paragraph (the request for help): the chair at its start, the member further on.
        await InParagraphAsync(chair, "Ouders melden zich", "Home");
        await InParagraphAsync(member, "Ouders melden zich", "End");
        await Task.WhenAll(
            chair.Keyboard.TypeAsync("Voorzitter typt mee. ", new() { Delay = 15 }),
            member.Keyboard.TypeAsync(" Lid typt tegelijk.", new() { Delay = 15 }));
        await Assertions.Expect(member.Locator(".cm-content")).ToContainTextAsync("Voorzitter typt mee.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator(".cm-content")).ToContainTextAsync("Lid typt tegelijk.", new() { Timeout = BrowserSession.ExpectTimeout });
        await RoomPages.SameSavedTextAsync(chair, member);
        await Assertions.Expect(member.Locator(".proeftuin-remote-caret[data-name=\"Ruud Jansen\"]")).ToBeVisibleAsync(new() { Timeout = BrowserSession.ExpectTimeout });

        // The chair starts and moves to the next phase; both see it.
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking starten" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Inbreng", Patiently);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Volgende fase" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Verheldering", Patiently);
        await Assertions.Expect(chair.GetByTestId("phase")).ToHaveTextAsync("Fase: Verheldering", Patiently);

        // A recommendation of the member appears for the chair with its pillars.
        await member.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync("Eén vaste contactpersoon voor school en gezin");
        await member.GetByLabel("Klant centraal").CheckAsync();
        await member.GetByLabel("Professionele afstemming").CheckAsync();
        await member.GetByLabel("Eigenaar").SelectOptionAsync(new SelectOptionValue { Label = "Ruud Jansen" });
        await member.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        var shared = chair.GetByTestId("recommendations").Locator("li", new() { HasText = "Eén vaste contactpersoon voor school en gezin" });
        await Assertions.Expect(shared).ToBeVisibleAsync(new() { Timeout = BrowserSession.ExpectTimeout });
        Assert.Equal(["Klant centraal", "Professionele afstemming"], await shared.Locator(".proeftuin-pillar-tag").AllInnerTextsAsync());
        await Assertions.Expect(shared).ToContainTextAsync("eigenaar Ruud Jansen");

        // The member goes offline, keeps typing, comes back: both end with the same text, nothing lost.
        await member.Context.SetOfflineAsync(true);
        await Assertions.Expect(member.GetByTestId("connection-status")).ToHaveTextAsync("Verbinding verbroken — wijzigingen worden bewaard", Patiently);
        await FocusAsync(member, "Control+End");
        await member.Keyboard.TypeAsync(" Offline geschreven.", new() { Delay = 10 });
        await FocusAsync(chair, "Control+Home");
        await chair.Keyboard.TypeAsync("Intussen online. ", new() { Delay = 10 });
        await member.Context.SetOfflineAsync(false);
        await Assertions.Expect(member.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", new() { Timeout = 30_000 });
        await Assertions.Expect(chair.Locator(".cm-content")).ToContainTextAsync("Offline geschreven.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(member.Locator(".cm-content")).ToContainTextAsync("Intussen online.", new() { Timeout = BrowserSession.ExpectTimeout });
        await RoomPages.SameSavedTextAsync(chair, member);

        Assert.Empty(errors);
        await Accessibility.ScreenshotAsync(chair, "meeting-room");
    }

    [Fact]
    public async Task Chair_closes_the_meeting_and_the_minutes_are_edited_by_two_made_final_and_rated()
    {
        var meetingId = await PlannedMeetingAsync("binnenstad");
        var chair = await OpenRoomAsync("ingrid.meijer@demo.proeftuin.nl", meetingId);
        var member = await OpenRoomAsync("youssef.benali@demo.proeftuin.nl", meetingId);
        chair.Dialog += (_, dialog) => _ = dialog.AcceptAsync();

        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking starten" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Inbreng", Patiently);
        await member.GetByLabel("Aanbeveling", new() { Exact = true }).FillAsync(Recommendation);
        await member.GetByLabel("Klant centraal").CheckAsync();
        await member.GetByLabel("Eigenaar").SelectOptionAsync(new SelectOptionValue { Label = "Ingrid Meijer" });
        await member.GetByLabel("Uiterlijk klaar op").FillAsync("2027-03-15");
        await member.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("recommendations").Locator("li", new() { HasText = Recommendation })).ToBeVisibleAsync(new() { Timeout = BrowserSession.ExpectTimeout });

        // A writing round whose shared answers belong in the verslag.
        await chair.GetByLabel("Vraag voor de schrijfronde").FillAsync("Wat nemen we mee uit deze casus?");
        await chair.GetByRole(AriaRole.Group, new() { Name = "Voorzitter" }).GetByRole(AriaRole.Button, new() { Name = "Schrijfronde openen", Exact = true }).ClickAsync();
        await member.GetByLabel("Jouw antwoord").FillAsync("Een vaste contactpersoon maakt het verschil.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Antwoord bewaren" }).ClickAsync();
        await Assertions.Expect(chair.Locator("#round-status")).ToContainTextAsync("1 van de aanwezigen hebben geschreven", new() { Timeout = BrowserSession.ExpectTimeout });
        await chair.GetByRole(AriaRole.Group, new() { Name = "Voorzitter" }).GetByRole(AriaRole.Button, new() { Name = "Antwoorden delen", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator("#round-answers")).ToContainTextAsync("Een vaste contactpersoon maakt het verschil.", new() { Timeout = BrowserSession.ExpectTimeout });
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking sluiten" }).ClickAsync();

        // The verslag opens for both, generated from the meeting, and both complete it.
        // Shown as a document: the headings drawn as headings, their # marks hidden until someone edits that line.
        await Assertions.Expect(member.Locator(".cm-line.proeftuin-md-line-h1")).ToContainTextAsync("Verslag", PatientlyContains);
        await Assertions.Expect(chair.Locator(".cm-line.proeftuin-md-line-h2", new() { HasText = "Aanwezig" })).ToHaveTextAsync("Aanwezig", Patiently);
        await Assertions.Expect(member.GetByTestId("meeting-status")).ToHaveTextAsync("Gesloten", Patiently);
        await Assertions.Expect(member.GetByTestId("phase")).ToBeHiddenAsync(new() { Timeout = BrowserSession.ExpectTimeout });
        await FocusAsync(chair, "Control+Home");
        await chair.Keyboard.TypeAsync("concept, ", new() { Delay = 10 });
        await InParagraphAsync(member, "Afspraken en vervolg", "End");
        await member.Keyboard.PressAsync("ArrowDown");
        await member.Keyboard.PressAsync("End");
        await member.Keyboard.TypeAsync("nazorg via de praktijkondersteuner", new() { Delay = 10 });
        await Assertions.Expect(chair.Locator(".cm-content")).ToContainTextAsync("nazorg via de praktijkondersteuner", PatientlyContains);
        // The editor draws only the lines near the screen: the member goes to the top, where the chair typed.
        await member.Keyboard.PressAsync("Control+Home");
        await Assertions.Expect(member.Locator(".cm-content")).ToContainTextAsync("concept, # Verslag", PatientlyContains);
        await RoomPages.SameSavedTextAsync(chair, member);

        // The practice's general number is flagged in the verslag too; the member judges it not identifying, with a reason.
        await InParagraphAsync(member, "Afspraken en vervolg", "End");
        await member.Keyboard.PressAsync("ArrowDown");
        await member.Keyboard.PressAsync("End");
        await member.Keyboard.TypeAsync(", algemeen nummer 06-12345678", new() { Delay = 10 });
        var number = member.Locator(".proeftuin-finding", new() { HasText = "06-12345678" });
        await Assertions.Expect(number).ToBeVisibleAsync(new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator("#findings")).ToContainTextAsync("06-12345678", PatientlyContains);
        await number.ClickAsync();
        await member.GetByLabel("Waarom is dit geen identificerend gegeven?").FillAsync("Algemeen nummer van de huisartsenpraktijk");
        await member.GetByTestId("finding-dismiss").ClickAsync();
        await Assertions.Expect(member.GetByTestId("finding-popover")).ToBeHiddenAsync(new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator(".proeftuin-finding", new() { HasText = "06-12345678" })).ToHaveCountAsync(0, new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator("#findings")).Not.ToContainTextAsync("06-12345678", new() { Timeout = BrowserSession.ExpectTimeout });
        await RoomPages.SameSavedTextAsync(chair, member);

        await chair.GetByRole(AriaRole.Button, new() { Name = "Verslag definitief maken" }).ClickAsync();
        await Assertions.Expect(member.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false", new() { Timeout = BrowserSession.ExpectTimeout });

        await member.GetByLabel("Jouw cijfer (1–10)").FillAsync("8");
        await member.GetByLabel("Opmerking (optioneel)").FillAsync("Goed tempo en een duidelijke structuur");
        await member.GetByRole(AriaRole.Button, new() { Name = "Cijfer geven" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("evaluation-summary")).ToHaveTextAsync("Gemiddeld 8 uit 1 beoordeling(en)", Patiently);
        await Accessibility.AssertNoViolationsAsync(member);
        await Accessibility.ScreenshotAsync(member, "meeting-minutes");

        // The verslag holds the recommendation under its case with owner and due date in Dutch form, the shared answers
        // (by discipline) and the evaluation: the average and the remark, without the name of who gave it.
        await member.GotoAsync($"/besprekingen/{meetingId}/verslag");
        var minutes = await member.GetByTestId("minutes").InnerTextAsync();
        var perCase = minutes[minutes.IndexOf("Aanbevelingen per casus", StringComparison.Ordinal)..minutes.IndexOf("De bespreking als geheel", StringComparison.Ordinal)];
        Assert.Contains(Recommendation, perCase, StringComparison.Ordinal);
        Assert.Contains("Eigenaar: Ingrid Meijer. Deadline: 15-03-2027", perCase, StringComparison.Ordinal);
        Assert.Contains("Schrijfronde: Wat nemen we mee uit deze casus?", minutes, StringComparison.Ordinal);
        Assert.Contains("POH-GGZ: Een vaste contactpersoon maakt het verschil.", minutes, StringComparison.Ordinal);
        var evaluation = minutes[minutes.LastIndexOf("Evaluatie", StringComparison.Ordinal)..];
        Assert.Contains("Gemiddeld cijfer: 8,0 (1 beoordeling)", evaluation, StringComparison.Ordinal);
        Assert.Contains("Goed tempo en een duidelijke structuur", evaluation, StringComparison.Ordinal);
        Assert.DoesNotContain("Youssef", evaluation, StringComparison.Ordinal);

        // The verslag's page offers it as Word and the meeting's recommendations as CSV; both downloads open.
        var exports = member.GetByTestId("exports");
        var docx = await member.RunAndWaitForDownloadAsync(() => exports.GetByRole(AriaRole.Link, new() { Name = "Download als Word-document (.docx)" }).ClickAsync());
        Assert.Matches(@"^verslag-\d{4}-\d{2}-\d{2}\.docx$", docx.SuggestedFilename);
        using (var document = WordprocessingDocument.Open((await docx.PathAsync())!, false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val;
            Assert.StartsWith("Verslag: ", paragraphs.First(p => Style(p) == "Title").InnerText, StringComparison.Ordinal);
            // "concept, " typed before "# Verslag" made that line a paragraph; the sections below stay headings.
            Assert.Contains(paragraphs, p => Style(p) is null && p.InnerText.StartsWith("concept, # Verslag", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText == "Aanwezig");
            Assert.Contains(paragraphs, p => p.InnerText.StartsWith(Recommendation, StringComparison.Ordinal) && p.ParagraphProperties?.NumberingProperties is not null);
            Assert.Contains(paragraphs, p => p.InnerText.Contains("nazorg via de praktijkondersteuner", StringComparison.Ordinal));
        }

        var csv = await member.RunAndWaitForDownloadAsync(() =>
            exports.GetByRole(AriaRole.Link, new() { Name = "Aanbevelingen als CSV (puntkomma's, voor Nederlandse Excel)", Exact = true }).ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]), ';');
        Assert.Equal(["datum", "wijk", "casus", "aanbeveling", "pijlers", "niveau", "gericht aan", "status", "eigenaar", "deadline"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal((Recommendation, "Binnenstad", "Klant centraal"), (row[3], row[1], row[4]));

        // The print version opens in the browser with its own stylesheet applied under its own policy, and no script.
        await exports.GetByRole(AriaRole.Link, new() { Name = "Afdrukken of als PDF bewaren" }).ClickAsync();
        await member.WaitForURLAsync(url => url.EndsWith("/minutes.html", StringComparison.Ordinal));
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Verslag: "));
        Assert.Equal("14px", await member.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize"));
        Assert.Equal(0, await member.Locator("script").CountAsync());
    }

    [Fact]
    public async Task Meeting_room_has_no_accessibility_violations()
    {
        var page = await OpenRoomAsync("joost.mulder@demo.proeftuin.nl", await PlannedMeetingAsync("ondiep"));

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Member_of_another_wijk_is_refused()
    {
        var page = await session.NewSignedInPageAsync("ingrid.meijer@demo.proeftuin.nl");

        var response = await page.GotoAsync($"/besprekingen/{await PlannedMeetingAsync("leidsche-rijn")}");

        Assert.Equal("/account/access-denied", new Uri(page.Url).AbsolutePath);
        Assert.NotNull(response);
        Assert.Equal(0, await page.Locator(".cm-content").CountAsync());
    }

    private async Task<IPage> OpenRoomAsync(string email, Guid meetingId)
    {
        var page = await session.NewSignedInPageAsync(email);
        await page.GotoAsync($"/besprekingen/{meetingId}");
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", Patiently);
        await Assertions.Expect(page.Locator(".cm-content")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Puts the caret into the paragraph that holds <paramref name="text"/>, then presses <paramref name="key"/>.</summary>
    private static async Task InParagraphAsync(IPage page, string text, string key)
    {
        await page.Locator(".cm-line", new() { HasText = text }).ClickAsync();
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>Puts the caret in the editor, then moves it with <paramref name="keys"/>.</summary>
    private static async Task FocusAsync(IPage page, params string[] keys)
    {
        await page.Locator(".cm-content").ClickAsync();
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
        }
    }

    private static List<string> CollectErrors(params IPage[] pages)
    {
        var errors = new List<string>();
        foreach (var page in pages)
        {
            page.Console += (_, message) =>
            {
                // Going offline on purpose makes the reconnect attempts fail until the network is back.
                if (message.Type == "error" && !message.Text.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)
                    && !message.Text.Contains("Failed to complete negotiation", StringComparison.Ordinal)
                    && !message.Text.Contains("Failed to start the connection", StringComparison.Ordinal))
                {
                    lock (errors)
                    {
                        errors.Add($"{message.Text} ({message.Location})");
                    }
                }
            };
        }

        return errors;
    }

    private async Task<Guid> PlannedMeetingAsync(string neighbourhood)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        // The demo's own meeting of the wijk (other tests in this browser collection plan more meetings, and these tests
        // start or close it, so it may be live by now).
        return await db.Meetings
            .Where(m => m.NeighbourhoodId == id && m.Status != MeetingStatus.Closed && m.Title.StartsWith("Casuïstiekbespreking"))
            .OrderBy(m => m.ScheduledStartUtc)
            .Select(m => m.Id)
            .FirstAsync();
    }
}
