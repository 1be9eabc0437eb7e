using Microsoft.Playwright;
using Proeftuin.Data.Seeding;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Admin;

/// <summary>
/// The beheerder in the browser: adds an existing account to a second wijk (which that account then sees), and takes
/// another member out of a wijk while that member sits in one of its meeting rooms in a browser of their own — their
/// room says at once it has no access any more, and the wijk's pages refuse them. The accounts are the test's own, so
/// no other browser test sees its changes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Administration_in_the_browser(BrowserSession session)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Beheerder_adds_an_account_to_a_second_wijk_and_removes_a_member_who_sits_in_a_live_room()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (noor, bram) = ($"noor.{suffix}@example.nl", $"bram.{suffix}@example.nl");
        var (noorName, bramName) = ($"Noor Beheertest {suffix}", $"Bram Beheertest {suffix}");
        await CreateAccountAsync(noor, noorName, "ondiep");
        await CreateAccountAsync(bram, bramName, "ondiep");
        var meetingId = await TestMeetings.PlanAsync(session, "ondiep", $"Bespreking beheer {suffix}");
        var room = await RoomPages.OpenAsync(session, bram, meetingId);

        // The beheerder adds Noor, a member of Ondiep, to Binnenstad as well.
        var admin = await session.NewSignedInPageAsync("beheer@demo.proeftuin.nl");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Beheer", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("admin-neighbourhood").Filter(new() { HasText = "Ondiep" })).ToContainTextAsync($"{bramName} (Lid)");
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Binnenstad", Exact = true }).ClickAsync();
        await admin.GetByLabel("Account", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{noorName} ({noor})" });
        await admin.GetByLabel("Rol", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lid" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan de wijk" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status-message")).ToHaveTextAsync("Het account is aan de wijk toegevoegd.", Patiently);
        await Assertions.Expect(admin.GetByTestId("admin-member").Filter(new() { HasText = noorName })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(admin);

        // Noor now sees both wijken and opens the second one.
        var noorPage = await session.NewSignedInPageAsync(noor);
        await Assertions.Expect(noorPage.GetByRole(AriaRole.Link, new() { Name = "Naar de wijkpagina van Ondiep" })).ToBeVisibleAsync();
        await noorPage.GetByRole(AriaRole.Link, new() { Name = "Naar de wijkpagina van Binnenstad" }).ClickAsync();
        await Assertions.Expect(noorPage.GetByRole(AriaRole.Heading, new() { Name = "Binnenstad", Level = 1 })).ToBeVisibleAsync();

        // The beheerder takes Bram out of Ondiep, after confirming, while Bram sits in the room.
        await Assertions.Expect(room.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden");
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ondiep", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Uit de wijk halen: {bramName}" }).ClickAsync();
        var confirmation = admin.GetByTestId("remove-confirmation");
        await Assertions.Expect(confirmation).ToContainTextAsync($"Weet je zeker dat je {bramName} uit Ondiep haalt?");
        await Accessibility.AssertNoViolationsAsync(admin);
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Ja, uit de wijk halen" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status-message")).ToHaveTextAsync("Het lid is uit de wijk gehaald; open verbindingen zijn gesloten.", Patiently);
        await Assertions.Expect(admin.GetByTestId("admin-member").Filter(new() { HasText = bramName })).ToHaveCountAsync(0);

        // Bram's connection was closed; coming back the room refuses him, and says so instead of trying again.
        await Assertions.Expect(room.GetByTestId("connection-status")).ToHaveTextAsync("Geen toegang meer: je bent geen lid (meer) van de wijk van deze bespreking.", Patiently);
        await Assertions.Expect(room.Locator("#meeting-room")).ToHaveAttributeAsync("data-connection", "NoAccess");
        var wijk = await room.GotoAsync("/wijken/ondiep");
        Assert.Equal(403, wijk!.Status);
        Assert.Equal("/account/access-denied", new Uri(room.Url).AbsolutePath);
        var meeting = await room.GotoAsync($"/besprekingen/{meetingId}");
        Assert.Equal(403, meeting!.Status);
    }

    [Fact]
    public async Task Beheerder_creates_a_wijk_and_deactivates_an_account_after_confirming_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"sem.{suffix}@example.nl";
        await CreateAccountAsync(email, $"Sem Beheertest {suffix}", "binnenstad");
        var admin = await session.NewSignedInPageAsync("beheer@demo.proeftuin.nl");
        await admin.SetViewportSizeAsync(390, 844);

        await admin.GotoAsync("/admin/wijken/nieuw");
        await admin.GetByLabel("Naam van de wijk").FillAsync($"Zuilen {suffix}");
        await admin.GetByLabel("Webadres").FillAsync("ondiep");
        await admin.GetByLabel("Casuscode-afkorting").FillAsync("ZU");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wijk aanmaken" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("error-summary")).ToContainTextAsync("Een andere wijk heeft dit webadres al.");
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.GetByLabel("Webadres").FillAsync(string.Empty);
        await admin.GetByLabel("Casuscode-afkorting").FillAsync(PrefixFor(suffix));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Wijk aanmaken" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status-message")).ToContainTextAsync($"Wijk Zuilen {suffix} is aangemaakt.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Wijk Zuilen {suffix} beheren");

        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Sem Beheertest {suffix}" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Account deactiveren" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("deactivate-confirmation")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ja, deactiveren" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("account-state")).ToHaveTextAsync("Gedeactiveerd", Patiently);

        var sem = await session.NewPageAsync();
        await sem.GotoAsync("/account/login");
        await sem.GetByLabel("E-mailadres").FillAsync(email);
        await sem.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await sem.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(sem.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit account is gedeactiveerd.");
    }

    /// <summary>Two to four capital letters from the test's random suffix, so a rerun on the same database never collides.</summary>
    private static string PrefixFor(string suffix) =>
        new([.. suffix.Select(c => (char)('A' + (c % 26))).Take(4)]);

    private Task CreateAccountAsync(string email, string name, string neighbourhood) => TestAccounts.CreateAsync(session, email, name, neighbourhood);
}
