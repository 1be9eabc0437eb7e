using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Proeftuin.LoadTest;

/// <summary>
/// The app as a separate process (Release build, fresh SQLite, demo data), so that one command gives a figure and the
/// server's CPU and memory are its own. It can be killed hard and started again on the same port and data.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    /// <summary>Start-up (migrations, demo data, lexicons) on one pinned core of a busy machine can take well over a minute.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "proeftuin-load", Guid.NewGuid().ToString("N"));
    private readonly string _webDll;
    private readonly int _port;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string? _cpus;
    private Process? _process;

    private AppServer(string webDll, int port, IReadOnlyDictionary<string, string> settings, string? cpus)
    {
        _cpus = cpus;
        _webDll = webDll;
        _port = port;
        _settings = settings;
    }

    public Uri Url => new($"http://127.0.0.1:{_port}");

    public int Pid => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a node; <paramref name="settings"/> (environment variables, e.g. the database) override the SQLite default.</summary>
    /// <param name="cpus">A taskset CPU list the node is pinned to, or null for any core.</param>
    public static async Task<AppServer> StartAsync(TextWriter log, IReadOnlyDictionary<string, string>? settings = null, string? cpus = null)
    {
        var server = new AppServer(FindWebDll(), FreePort(), settings ?? new Dictionary<string, string>(), cpus);
        await server.LaunchAsync(log);
        return server;
    }

    /// <summary>SIGKILL: no graceful shutdown, no flush — what a crashed node looks like.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public Task RestartAsync(TextWriter log) => LaunchAsync(log);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Environment.GetEnvironmentVariable("PROEFTUIN_LOAD_KEEP_LOGS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the system later.
        }
    }

    private async Task LaunchAsync(TextWriter log)
    {
        Directory.CreateDirectory(_dataFolder);
        // taskset execs dotnet in place, so the pid measured is the server's own.
        var start = _cpus is null ? new ProcessStartInfo("dotnet", [_webDll]) : new ProcessStartInfo("taskset", ["-c", _cpus, "dotnet", _webDll]);
        start.WorkingDirectory = Path.GetDirectoryName(_webDll)!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/');
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataFolder"] = _dataFolder;
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["ConnectionStrings__Proeftuin"] = string.Empty;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var serverLog = Path.Combine(_dataFolder, "server.log");
        _ = PumpAsync(_process.StandardOutput, serverLog);
        _ = PumpAsync(_process.StandardError, serverLog);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped during start-up (exit code {_process.ExitCode}); see {serverLog}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"server pid {_process.Id} ready at {Url} after {stopwatch.Elapsed.TotalSeconds:F1} s"));
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        // Do not leave a half-started server behind: the caller never gets an object to dispose.
        _process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The app did not become healthy within {StartTimeout.TotalSeconds:0} s; see {serverLog}.");
    }

    private static async Task PumpAsync(StreamReader reader, string path)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine);
        }
    }

    /// <summary>The Release build of the web app next to this tool's build (the tool references the project).</summary>
    private static string FindWebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Proeftuin.Testing.RepositoryRoot.Combine("src", "Proeftuin.Web", "bin", configuration, "net10.0", "Proeftuin.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first: {dll} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
