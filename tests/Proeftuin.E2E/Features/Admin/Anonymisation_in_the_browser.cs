using Microsoft.Playwright;
using Proeftuin.Core.Professionals;
using Proeftuin.Data.Seeding;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Admin;

/// <summary>
/// The beheerder anonymises the account of someone who left: a wrong name changes nothing, the right one replaces the
/// person by a neutral label in the account list, and the old credentials no longer sign in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Anonymisation_in_the_browser(BrowserSession session)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Beheerder_anonymises_an_account_after_typing_the_name_and_its_old_credentials_no_longer_sign_in()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (email, name) = ($"vera.{suffix}@example.nl", $"Vera Vertrokken {suffix}");
        var id = await TestAccounts.CreateAsync(session, email, name, "binnenstad");
        var label = Professional.AnonymisedName(id);
        var admin = await session.NewSignedInPageAsync("beheer@demo.proeftuin.nl");

        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Account anonimiseren" }).ClickAsync();
        var confirmation = admin.GetByTestId("anonymise-confirmation");
        await Assertions.Expect(confirmation).ToContainTextAsync("kan niet ongedaan worden gemaakt");
        await Accessibility.AssertNoViolationsAsync(admin);

        // A name that is not quite theirs changes nothing and asks again.
        await confirmation.GetByLabel($"Typ de naam {name} om te bevestigen").FillAsync("Vera");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Definitief anonimiseren" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("error-summary")).ToContainTextAsync("Typ de naam precies zoals hij hierboven staat.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.GetByTestId("anonymise-confirmation").GetByLabel($"Typ de naam {name} om te bevestigen").FillAsync(name);
        await admin.GetByTestId("anonymise-confirmation").GetByRole(AriaRole.Button, new() { Name = "Definitief anonimiseren" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("status-message")).ToHaveTextAsync("Het account is geanonimiseerd.", Patiently);
        await Assertions.Expect(admin.GetByTestId("account-state")).ToHaveTextAsync("Geanonimiseerd");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(label);

        await admin.GotoAsync("/admin");
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = label })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText(name)).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByText(email)).ToHaveCountAsync(0);

        var vera = await session.NewPageAsync();
        await vera.GotoAsync("/account/login");
        await vera.GetByLabel("E-mailadres").FillAsync(email);
        await vera.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await vera.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(vera.GetByRole(AriaRole.Alert)).ToContainTextAsync("Onjuist e-mailadres of wachtwoord.");
        Assert.Equal("/account/login", new Uri(vera.Url).AbsolutePath);
    }
}
