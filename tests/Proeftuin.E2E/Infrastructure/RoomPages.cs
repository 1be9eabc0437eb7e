using Microsoft.Playwright;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>Opening the meeting room as a signed-in professional and comparing what two screens hold.</summary>
internal static class RoomPages
{
    public static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };
    public static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = BrowserSession.ExpectTimeout };

    public static async Task<IPage> OpenAsync(BrowserSession session, string email, Guid meetingId, string connected = "Verbonden")
    {
        var page = await session.NewSignedInPageAsync(email);
        await page.GotoAsync($"/besprekingen/{meetingId}");
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync(connected, Patiently);
        await Assertions.Expect(page.Locator(".cm-content")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Both screens hold the same text at the same revision (the fingerprints the room, or the case page with
    /// <paramref name="root"/> "#case-preparation", keeps on its root), nothing pending.
    /// </summary>
    public static Task SameSavedTextAsync(IPage first, IPage second, string root = "#meeting-room", string saveState = "save-state") =>
        Eventually.UntilAsync(
            async () =>
            {
                var (a, b) = (await FingerprintAsync(first, root, saveState), await FingerprintAsync(second, root, saveState));
                return a == b && a.EndsWith("|saved", StringComparison.Ordinal);
            },
            "the two screens hold the same saved text at the same revision");

    private static async Task<string> FingerprintAsync(IPage page, string root, string saveState)
    {
        var room = page.Locator(root);
        var saved = await page.GetByTestId(saveState).InnerTextAsync() is "Alle wijzigingen zijn opgeslagen" or "All changes saved";
        return $"{await room.GetAttributeAsync("data-text-hash")}@{await room.GetAttributeAsync("data-revision")}|{(saved ? "saved" : "pending")}";
    }
}
