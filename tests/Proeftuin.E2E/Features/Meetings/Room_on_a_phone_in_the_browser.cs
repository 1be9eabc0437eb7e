using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Meetings;

/// <summary>
/// The meeting room on a phone held upright (390 × 844): a compact header, a title that wraps, the text to edit near
/// the top, agenda and recommendations as tabs; no accessibility violations; a member types and adds a recommendation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Room_on_a_phone_in_the_browser(BrowserSession session)
{
    private const string LongTitle = "Bespreking Ondiep over schoolverzuim, slaapproblemen en samenwerking met het onderwijs";

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task At_390_by_844_the_room_passes_axe_and_a_member_types_and_adds_a_recommendation()
    {
        var meetingId = await TestMeetings.PlanAsync(session, "ondiep", LongTitle);
        var page = await session.NewSignedInPageAsync("esra.yilmaz@demo.proeftuin.nl");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/besprekingen/{meetingId}");
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", RoomPages.Patiently);

        // Nothing runs off the side, and the editor starts in the upper half of the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var editor = await page.Locator(".cm-content").BoundingBoxAsync();
        Assert.NotNull(editor);
        Assert.True(editor.Y < 422, $"the editor starts {editor.Y} pixels down");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Tekst" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByTestId("recommendations")).ToBeHiddenAsync();
        AssertNoViolations(await page.RunAxe(WcagAa));

        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" Getypt op de telefoon.", new() { Delay = 10 });
        await Assertions.Expect(page.GetByTestId("save-state")).ToHaveTextAsync("Alle wijzigingen zijn opgeslagen", RoomPages.Patiently);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Aanbevelingen" }).ClickAsync();
        var text = page.GetByLabel("Aanbeveling", new() { Exact = true });
        await Assertions.Expect(text).ToBeVisibleAsync();
        // An untouched required field is not shown as an error: its border is the one of an ordinary field.
        Assert.Null(await text.GetAttributeAsync("aria-invalid"));
        Assert.Equal(
            await page.Locator("#evaluation-remark").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"),
            await text.EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor"));
        AssertNoViolations(await page.RunAxe(WcagAa));

        await text.FillAsync("Vaste contactpersoon op school voor het gezin");
        await page.GetByLabel("Passende zorg").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recommendations").Locator("li", new() { HasText = "Vaste contactpersoon op school voor het gezin" }))
            .ToBeVisibleAsync(new() { Timeout = BrowserSession.ExpectTimeout });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Accessibility.ScreenshotAsync(page, "meeting-room-phone");
    }

    private static void AssertNoViolations(AxeResult result) =>
        Assert.True(result.Violations.Length == 0, "axe violations:\n" + string.Join('\n', result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
}
