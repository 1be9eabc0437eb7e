using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.SocialMap;

[Collection(BrowserCollection.Name)]
public sealed class Social_map_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Member_fills_in_their_entry_with_the_keyboard_and_the_map_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("marieke.bos@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/leidsche-rijn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sociale kaart" }).ClickAsync();

        await page.GetByLabel("Bereikbaar via").FillAsync("JGZ-lijn, ma t/m vr");
        await page.GetByLabel("Bereikbaar via").PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("social-map")).ToContainTextAsync("Marieke Bos");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "social-map");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class Social_map_services_in_the_browser(BrowserSession session)
{
    private const string Service = "Huiswerkklas De Verrekijker";

    [Fact]
    public async Task A_member_adds_a_service_another_finds_it_by_kind_and_removes_it_after_confirming()
    {
        var fatima = await session.NewSignedInPageAsync("fatima.elamrani@demo.proeftuin.nl");
        await fatima.GotoAsync("/wijken/leidsche-rijn/sociale-kaart");
        await fatima.GetByTestId("add-service").ClickAsync();
        await fatima.GetByLabel("Naam van de dienst of organisatie").FillAsync(Service);
        await fatima.GetByLabel("Soort hulp").SelectOptionAsync(new SelectOptionValue { Label = "Onderwijs en leerplicht" });
        await fatima.GetByLabel("Zo verwijs je").FillAsync("Ouders melden hun kind zelf aan bij de coördinator.");
        await fatima.GetByLabel("Openingstijden").FillAsync("Ma en do 15.00–17.00");
        await fatima.GetByLabel("Website").FillAsync("https://example.org/verrekijker");
        await fatima.GetByRole(AriaRole.Button, new() { Name = "Dienst toevoegen" }).ClickAsync();
        await Assertions.Expect(fatima.GetByTestId("status")).ToContainTextAsync($"{Service} staat op de sociale kaart.");
        await Accessibility.AssertNoViolationsAsync(fatima);

        // Another member of the wijk narrows the list down to education with the keyboard and finds it.
        var sanne = await session.NewSignedInPageAsync("sanne.visser@demo.proeftuin.nl");
        await sanne.GotoAsync("/wijken/leidsche-rijn/sociale-kaart");
        await sanne.GetByLabel("Soort hulp").SelectOptionAsync(new SelectOptionValue { Label = "Onderwijs en leerplicht" });
        await sanne.GetByLabel("Zoeken op naam of omschrijving").FillAsync("verrekijker");
        await sanne.GetByLabel("Zoeken op naam of omschrijving").PressAsync("Enter");
        var found = sanne.GetByTestId("service");
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found).ToContainTextAsync("Ma en do 15.00–17.00");
        Assert.Contains("soort=OnderwijsLeerplicht", sanne.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(sanne);
        await Accessibility.ScreenshotAsync(sanne, "social-map-services");

        // Removing asks first; going back keeps the service, confirming removes it.
        await found.GetByRole(AriaRole.Link, new() { Name = $"Verwijderen {Service}" }).ClickAsync();
        await Assertions.Expect(sanne.GetByText($"Weet je zeker dat je {Service} van de sociale kaart wilt verwijderen?")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(sanne);
        await sanne.GetByRole(AriaRole.Link, new() { Name = "Nee, terug naar de sociale kaart" }).ClickAsync();
        await Assertions.Expect(sanne.GetByTestId("service").Filter(new() { HasText = Service })).ToHaveCountAsync(1);
        await sanne.GetByTestId("service").Filter(new() { HasText = Service }).GetByRole(AriaRole.Link, new() { Name = $"Verwijderen {Service}" }).ClickAsync();
        await sanne.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen" }).ClickAsync();

        await Assertions.Expect(sanne.GetByTestId("status")).ToContainTextAsync($"{Service} is van de sociale kaart verwijderd.");
        await Assertions.Expect(sanne.GetByTestId("service").Filter(new() { HasText = Service })).ToHaveCountAsync(0);
        await fatima.ReloadAsync();
        await Assertions.Expect(fatima.GetByTestId("service").Filter(new() { HasText = Service })).ToHaveCountAsync(0);
    }
}
