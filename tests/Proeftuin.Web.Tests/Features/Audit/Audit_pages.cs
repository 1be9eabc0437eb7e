using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Audit;

public sealed class Audit_pages(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Beheerder_filters_by_user_and_reading_the_log_is_logged()
    {
        using (await factory.SignedInAsync("fatima.elamrani@demo.proeftuin.nl"))
        {
        }

        using var client = await factory.SignedInAsync("beheer@demo.proeftuin.nl");

        var html = await client.GetStringAsync(new Uri("/audit?userFilter=fatima", UriKind.Relative));

        Assert.Contains("fatima.elamrani@demo.proeftuin.nl", html, StringComparison.Ordinal);
        Assert.DoesNotContain("joost.mulder", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "audit-read" && e.ObjectId!.Contains("fatima")));
    }

    [Fact]
    public async Task Export_is_a_csv_for_excel_and_is_logged()
    {
        using var client = await factory.SignedInAsync("beheer@demo.proeftuin.nl");

        using var response = await client.GetAsync(new Uri("/audit?handler=export", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFFvolgnummer;tijd (UTC);gebruiker", text, StringComparison.Ordinal);
        Assert.Contains(";login;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_and_coordinators_cannot_read_the_audit_log()
    {
        using var member = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var coordinator = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        using var asMember = await member.GetAsync(new Uri("/audit", UriKind.Relative));
        using var asCoordinator = await coordinator.GetAsync(new Uri("/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCoordinator.StatusCode);
    }

    [Fact]
    public async Task The_log_reads_in_the_users_language_and_in_amsterdam_time()
    {
        using var client = await factory.SignedInAsync("beheer@demo.proeftuin.nl");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var login = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "login" && e.UserName!.Contains("beheer")).OrderByDescending(e => e.Sequence).FirstAsync();
        var amsterdam = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(login.TimestampUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

        var dutch = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/audit?userFilter=beheer", UriKind.Relative)));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/audit?userFilter=beheer&culture=en-GB&ui-culture=en-GB", UriKind.Relative)));

        Assert.Contains(">ingelogd<", dutch, StringComparison.Ordinal);
        Assert.Contains(">gelukt<", dutch, StringComparison.Ordinal);
        Assert.Contains(amsterdam.ToString("dd-MM-yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), dutch, StringComparison.Ordinal);
        Assert.Contains("Europe/Amsterdam", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC<", dutch, StringComparison.Ordinal);
        Assert.Contains(">signed in<", english, StringComparison.Ordinal);
        Assert.Contains(">succeeded<", english, StringComparison.Ordinal);
        Assert.Contains(amsterdam.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), english, StringComparison.Ordinal);
    }
}
