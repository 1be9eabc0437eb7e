using System.Diagnostics;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>
/// The Node relying party of tests/Proeftuin.E2E/RelyingParty (openid-client) as a child process on a free loopback
/// port. Its packages are installed with <c>npm ci</c> from its lock file when they are missing. It is started before
/// the provider (whose client registration needs its redirect URIs) and learns the provider's issuer afterwards.
/// </summary>
public sealed class RelyingPartyProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RelyingPartyProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://localhost:{port}");
    }

    /// <summary>Where the browser reaches it: localhost, so another origin and cookie host than the provider's 127.0.0.1.</summary>
    public Uri Address { get; }

    public Uri RedirectUri => new(Address, "/callback");

    public Uri PostLogoutRedirectUri => new(Address, "/signed-out");

    public static async Task<RelyingPartyProcess> StartAsync(string clientId, string clientSecret)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "Proeftuin.E2E", "RelyingParty");
        if (!File.Exists(Path.Combine(folder, "node_modules", "openid-client", "package.json")))
        {
            await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", folder);
        }

        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { "server.mjs", clientId, clientSecret },
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("relying party: " + e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the relying party stopped before it listened");
        return line.StartsWith("listening ", StringComparison.Ordinal)
            ? new RelyingPartyProcess(process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture))
            : throw new InvalidOperationException("unexpected first line of the relying party: " + line);
    }

    /// <summary>Tells the relying party where the provider is; it runs discovery on its first request.</summary>
    public async Task UseIssuerAsync(Uri issuer)
    {
        await _process.StandardInput.WriteLineAsync(issuer.ToString());
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task RunAsync(string command, string arguments, string folder)
    {
        using var npm = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardError = true })
            ?? throw new InvalidOperationException(command + " did not start");
        var errors = await npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} in {folder} failed: {errors}");
        }
    }
}
