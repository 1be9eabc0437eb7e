using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// The app behind a proxy that passes any Host header on (its host filter lets the forged name through), to show that
/// the links in mail still come from App:PublicBaseUrl and never from the request.
/// </summary>
public sealed class PermissiveHostFactory : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://proeftuin.example.nl";
    public const string ForgedHost = "aanvaller.example";

    public ConfiguredProeftuinFactory App { get; } = new(
        new Dictionary<string, string>(),
        settings: new DemoAppSettings { PublicBaseUrl = PublicBaseUrl, AllowedHosts = "localhost;" + ForgedHost });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

public sealed partial class Links_in_mail(PermissiveHostFactory permissive, ProeftuinWebFactory strict) : IClassFixture<PermissiveHostFactory>, IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task A_forged_host_header_does_not_change_the_reset_link_in_the_mail()
    {
        using var client = permissive.App.CreateClient();
        client.DefaultRequestHeaders.Host = PermissiveHostFactory.ForgedHost;

        using var response = await BrowserlessLogin.PostFormAsync(client, "/account/forgot-password", new Dictionary<string, string> { ["email"] = "kevin.smit@demo.proeftuin.nl" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = Directory.GetFiles(permissive.App.Services.GetRequiredService<FileMailSink>().Folder, "*.eml").Select(File.ReadAllText)
            .Last(m => m.Contains("To: kevin.smit@demo.proeftuin.nl", StringComparison.Ordinal));
        var links = LinkPattern().Matches(mail).Select(m => m.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PermissiveHostFactory.PublicBaseUrl + "/account/set-password?", WebUtility.HtmlDecode(link), StringComparison.Ordinal));
        Assert.DoesNotContain(PermissiveHostFactory.ForgedHost, mail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_host_outside_allowed_hosts_is_refused_before_any_page()
    {
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Host = PermissiveHostFactory.ForgedHost;

        using var response = await client.GetAsync(new Uri("/account/forgot-password", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/account/set-password\?[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
