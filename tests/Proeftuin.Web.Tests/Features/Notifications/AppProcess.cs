using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The real app (the Proeftuin.Web.dll built next to the tests) as its own process on the given database with the
/// demo data, and the file mail sink in the data folder, on a free loopback port; <see cref="Kill"/> is a SIGKILL, no graceful shutdown.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="pollInterval">The outbox worker's wait between passes; null: no worker on this node at all.</param>
    public static async Task<AppProcess> StartAsync(string dataFolder, TimeSpan? pollInterval, DatabaseSettings database)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Proeftuin.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__Provider"] = database.Provider.ToString(),
            ["Database__DataFolder"] = dataFolder,
            ["Database__SeedDemoData"] = "true",
            ["ConnectionStrings__Proeftuin"] = database.ConnectionString,
            ["OpenIddict__Integration__ClientId"] = DemoAppSettings.IntegrationClientId,
            ["OpenIddict__Integration__ClientSecret"] = DemoAppSettings.IntegrationClientSecret,
            ["Security__BreachedPasswords__Endpoint"] = string.Empty,
            ["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["AllowedHosts"] = "localhost;127.0.0.1",
            ["RateLimits__Login__PermitLimit"] = "10000",
            ["Mail__Smtp__Host"] = string.Empty,
            ["Notifications__Outbox__RunWorker"] = (pollInterval is not null).ToString(),
            ["Notifications__Outbox__PollInterval"] = (pollInterval ?? TimeSpan.FromHours(1)).ToString("c", CultureInfo.InvariantCulture),
        })
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Up when the health endpoint answers (the database is migrated and seeded by then); a loaded machine is slow.
        using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await Eventually.UntilAsync(async () =>
            {
                Assert.False(process.HasExited, $"the app stopped during start-up:\n{app.Output}");
                try
                {
                    using var response = await probe.GetAsync(new Uri("/healthz", UriKind.Relative));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, "the app answers on /healthz", TimeSpan.FromMinutes(3));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>A client that keeps cookies, as a browser would.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>SIGKILL: the node stops at once, between whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
