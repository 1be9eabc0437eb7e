using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Audit;

[Collection(BrowserCollection.Name)]
public sealed class Audit_page_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Beheerder_checks_the_chain_and_the_page_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("beheer@demo.proeftuin.nl");
        await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Hashketen controleren" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("ononderbroken");
        Assert.True(await page.GetByTestId("audit-row").CountAsync() > 0);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "audit");
    }
}
