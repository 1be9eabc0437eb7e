using Microsoft.Playwright;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>
/// One app and one headless Debian Chromium shared by the tests of a collection; each test opens its own context
/// (its own cookies), like a separate person at a separate PC.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long an expectation waits for the page by default: long, because a loaded machine is slow, not wrong.</summary>
    public const float ExpectTimeout = 60_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        await WarmUpAsync(App.BaseAddress);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>
    /// Debian's Chromium, headless, without the background traffic of a desktop browser, as a Dutch user's browser: its
    /// own language (from chromium-l10n) is Dutch, so native date fields read dd-mm-jjjj as they do for our users.
    /// </summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=nl-NL",
            ],
            Env = DutchEnvironment(),
        });

    /// <summary>This process's environment with a Dutch language (Chromium on Linux takes its own from these).</summary>
    private static Dictionary<string, string> DutchEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        environment["LANGUAGE"] = "nl_NL";
        environment["LANG"] = "nl_NL.UTF-8";
        return environment;
    }

    /// <summary>
    /// Asks the app for the login page and a script until both answer, so the first request's one-off cost (compiling
    /// pages, opening the database) on a loaded machine is paid here, not inside one test's timeout.
    /// </summary>
    private static async Task WarmUpAsync(Uri app)
    {
        using var client = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(5) };
        foreach (var path in new[] { "/account/login", "/dist/room.js" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(ExpectTimeout);
        return await context.NewPageAsync();
    }

    /// <summary>A page of a demo professional who logged in through the real login and two-factor pages.</summary>
    public async Task<IPage> NewSignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByLabel("Code uit de authenticator-app").FillAsync(await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, App, account: email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
            await page.WaitForFunctionAsync("() => location.pathname === '/' || document.querySelector('[role=alert]') !== null");
            if (new Uri(page.Url).AbsolutePath == "/")
            {
                return page;
            }

            // On a very busy machine a code can leave its time window between reading it and the server checking it
            // (as it can on a phone); a person then types the next one, and so does this, twice at most.
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Two-factor login of {email} refused three codes: {await page.GetByRole(AriaRole.Alert).InnerTextAsync()}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
