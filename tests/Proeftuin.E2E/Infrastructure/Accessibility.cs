using System.Text.Json;
using Microsoft.Playwright;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>Runs axe-core (from npm, served from disk) in the page and returns the WCAG 2.1 AA violations.</summary>
internal static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(RepositoryPaths.AxeScript));

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's strict CSP (no inline scripts) stays on.
        await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core violations on {page.Url}:\n" + string.Join('\n', violations));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = true });
}
