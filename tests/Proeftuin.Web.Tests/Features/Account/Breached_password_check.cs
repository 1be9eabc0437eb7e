using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Proeftuin.Data.Seeding;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// A new password is checked against a breach list by k-anonymity (ASVS V2.1.7). The real Pwned Passwords service is not
/// reachable from the test machines, so a small server on loopback answers its range protocol with known hashes.
/// </summary>
public sealed class Breached_password_check(Breached_password_check.WithRangeServer fixture) : IClassFixture<Breached_password_check.WithRangeServer>
{
    private const string Profile = "/account/profiel";
    private const string BreachedPassword = "Zomervakantie2024";
    private const string PaddedPassword = "Padding-Niet-Gelekt-2027";

    [Fact]
    public async Task A_password_from_a_breach_is_refused_in_Dutch_and_the_old_one_stays()
    {
        using var sanne = await fixture.App.SignedInAsync("sanne.visser@demo.proeftuin.nl");

        var refused = await ChangeAsync(sanne, DemoAccounts.Password, BreachedPassword);
        var oldStillWorks = await ChangeAsync(sanne, DemoAccounts.Password, "Nieuw-Sterk-Wachtwoord-2027");

        Assert.Contains("Dit wachtwoord komt voor in bekende datalekken", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Je wachtwoord is gewijzigd.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Je wachtwoord is gewijzigd.", oldStillWorks.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_five_characters_of_the_hash_leave_the_server_and_padding_is_asked()
    {
        using var daan = await fixture.App.SignedInAsync("daan.bakker@demo.proeftuin.nl");
        var hash = BreachedPasswordValidator.Sha1Hex(BreachedPassword);

        await ChangeAsync(daan, DemoAccounts.Password, BreachedPassword);

        var asked = fixture.Server.Requests.ToList();
        Assert.Contains(($"/range/{hash[..5]}", "true"), asked);
        Assert.All(asked, r => Assert.Matches("^/range/[0-9A-F]{5}$", r.Path));
        Assert.DoesNotContain(asked, r => r.Path.Contains(hash[5..], StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_padding_line_with_count_zero_is_not_a_breach()
    {
        using var kevin = await fixture.App.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var changed = await ChangeAsync(kevin, DemoAccounts.Password, PaddedPassword);

        Assert.Contains("Je wachtwoord is gewijzigd.", changed.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2", "00d4f6e8fa6eecad2a3aa415eec418d38ec", true)]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:0", "0018A45C4D1DEF81644B54AB7F969B88D65", false)]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:3", "00D4F6E8FA6EECAD2A3AA415EEC418D38EC", false)]
    [InlineData("", "0018A45C4D1DEF81644B54AB7F969B88D65", false)]
    [InlineData("garbage\nno-colon\n:5\n0018A45C4D1DEF81644B54AB7F969B88D65:x", "0018A45C4D1DEF81644B54AB7F969B88D65", false)]
    public void Range_answer_is_read_line_by_line(string body, string suffix, bool breached) =>
        Assert.Equal(breached, BreachedPasswordValidator.Contains(body, suffix));

    private static Task<PageResult> ChangeAsync(HttpClient client, string current, string next) =>
        client.SubmitAsync(Profile, Profile, new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
        });

    /// <summary>The app, pointed at a range server that knows one breached password and pads with a harmless one.</summary>
    public sealed class WithRangeServer : IAsyncLifetime
    {
        public RangeServer Server { get; private set; } = null!;

        public ConfiguredProeftuinFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await RangeServer.StartAsync(breached: [BreachedPassword], padding: [PaddedPassword]);
            App = new ConfiguredProeftuinFactory(new Dictionary<string, string> { ["Security:BreachedPasswords:Endpoint"] = Server.Address.ToString() });
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}

/// <summary>When the breach list cannot be reached, a password change still works on the other rules (and is logged).</summary>
public sealed class Breached_password_check_unreachable(Breached_password_check_unreachable.WithClosedPort fixture)
    : IClassFixture<Breached_password_check_unreachable.WithClosedPort>
{
    [Fact]
    public async Task An_unreachable_breach_list_does_not_lock_anyone_out()
    {
        using var sanne = await fixture.App.SignedInAsync("sanne.visser@demo.proeftuin.nl");

        var changed = await sanne.SubmitAsync("/account/profiel", "/account/profiel", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoAccounts.Password, ["NewPassword"] = "Nieuw-Sterk-Wachtwoord-2027", ["ConfirmPassword"] = "Nieuw-Sterk-Wachtwoord-2027",
        });
        var tooShort = await sanne.SubmitAsync("/account/profiel", "/account/profiel", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Nieuw-Sterk-Wachtwoord-2027", ["NewPassword"] = "Kort1", ["ConfirmPassword"] = "Kort1",
        });

        Assert.Contains("Je wachtwoord is gewijzigd.", changed.Text, StringComparison.Ordinal);
        Assert.Contains("Een wachtwoord heeft minstens 12 tekens.", tooShort.Text, StringComparison.Ordinal);
    }

    public sealed class WithClosedPort : IAsyncLifetime
    {
        public ConfiguredProeftuinFactory App { get; private set; } = null!;

        public Task InitializeAsync()
        {
            // A port that was free a moment ago: connecting is refused at once.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            App = new ConfiguredProeftuinFactory(new Dictionary<string, string> { ["Security:BreachedPasswords:Endpoint"] = $"http://127.0.0.1:{port}/" });
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}

/// <summary>
/// The Pwned Passwords range protocol on loopback: GET /range/{first five hex of SHA-1} answers "SUFFIX:COUNT" lines for
/// every known hash with that prefix, breached ones with a count and padding ones with 0. Remembers what it was asked.
/// </summary>
public sealed class RangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RangeServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Padding)> Requests { get; } = new();

    public Uri Address => new(_app.Urls.First().TrimEnd('/') + "/");

    public static async Task<RangeServer> StartAsync(IReadOnlyList<string> breached, IReadOnlyList<string> padding)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var known = breached.Select(p => (Hash: BreachedPasswordValidator.Sha1Hex(p), Count: 42))
            .Concat(padding.Select(p => (Hash: BreachedPasswordValidator.Sha1Hex(p), Count: 0)))
            .ToList();
        var app = builder.Build();
        var server = new RangeServer(app);
        app.MapGet("/range/{prefix}", (string prefix, HttpRequest request) =>
        {
            server.Requests.Enqueue((request.Path.Value ?? string.Empty, request.Headers["Add-Padding"].ToString()));
            var lines = known.Where(k => k.Hash.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(k => $"{k.Hash[5..]}:{k.Count}");
            return Results.Text(string.Join("\r\n", lines.Append("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0")));
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
