using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Pages;

/// <summary>
/// The pages no other browser test scans: the account pages around the login, the access-denied page, the
/// beheerder's invitation form, my profile and the verslag page. Each must have zero axe-core violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Every_other_page_is_accessible(BrowserSession session)
{
    [Fact]
    public async Task Account_pages_around_the_login_have_no_accessibility_violations()
    {
        var page = await session.NewPageAsync();
        foreach (var path in new[] { "/account/forgot-password", "/account/set-password?email=x%40y.nl&token=ongeldig", "/account/external-callback" })
        {
            await page.GotoAsync(path);

            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Access_denied_invitation_and_minutes_pages_have_no_accessibility_violations()
    {
        var outsider = await session.NewSignedInPageAsync("ingrid.meijer@demo.proeftuin.nl");
        await outsider.GotoAsync("/wijken/ondiep");
        Assert.Equal("/account/access-denied", new Uri(outsider.Url).AbsolutePath);
        await Accessibility.AssertNoViolationsAsync(outsider);

        await outsider.GetByRole(AriaRole.Link, new() { Name = "Mijn profiel" }).ClickAsync();
        await Assertions.Expect(outsider.GetByTestId("profile")).ToContainTextAsync("Ingrid Meijer");
        await Accessibility.AssertNoViolationsAsync(outsider);

        var beheerder = await session.NewSignedInPageAsync("beheer@demo.proeftuin.nl");
        await beheerder.GotoAsync("/admin/invite");
        await Accessibility.AssertNoViolationsAsync(beheerder);

        var member = await session.NewSignedInPageAsync("esra.yilmaz@demo.proeftuin.nl");
        await member.GotoAsync("/wijken/ondiep");
        await member.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Casuïstiekbespreking") }).First.ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Verslag", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Verslag");
        await Accessibility.AssertNoViolationsAsync(member);
    }

    [Fact]
    public async Task Enrolment_of_an_authenticator_has_no_accessibility_violations()
    {
        var email = $"nieuw-{Guid.NewGuid():N}@demo.proeftuin.nl";
        const string password = "Nieuw-Account-2026";
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
            var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            db.Professionals.Add(new Professional(user.Id, "Nieuwe Collega", email, Discipline.YouthHealthDoctor, "JGZ Utrecht"));
            await db.SaveChangesAsync();
        }

        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/enrol");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "enrol");
    }
}
