using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data.Seeding;
using Proeftuin.Web.Tests.Features.Admin;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>A professional downloads their own data as JSON: every section, only their own, audit-logged as an export.</summary>
public sealed class Personal_data_export(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Sanne = "sanne.visser@demo.proeftuin.nl";

    [Fact]
    public async Task Holds_the_profile_memberships_recommendations_and_own_audit_entries_and_nothing_of_others()
    {
        var sanne = await factory.AccountIdAsync(Sanne);
        using var client = await factory.SignedInAsync(Sanne);
        var profile = await client.GetStringAsync(new Uri("/account/profiel", UriKind.Relative));

        using var response = await client.GetAsync(new Uri("/api/me/export", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;

        Assert.Contains("href=\"/api/me/export\"", profile, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^mijn-gegevens-\d{8}\.json$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var me = root.GetProperty("profile");
        Assert.Equal("Sanne Visser", me.GetProperty("name").GetString());
        Assert.Equal(Sanne, me.GetProperty("email").GetString());
        Assert.Equal("FamilyWorker", me.GetProperty("discipline").GetString());
        Assert.NotEqual(0, me.GetProperty("mailPreferences").GetArrayLength());
        Assert.Equal(["Leidsche Rijn", "Ondiep"], root.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("neighbourhood").GetString()).Order());

        var theirs = await factory.QueryAsync(db => db.Recommendations.Where(r => r.OwnerId == sanne || r.CreatedById == sanne).Select(r => r.Id).ToListAsync());
        var exported = root.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs.Order(), exported.Order());
        Assert.All(root.GetProperty("recommendations").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("text").GetString())));

        var audit = root.GetProperty("auditEntries").EnumerateArray().ToList();
        var ownEntries = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.UserId == sanne));
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "read" && e.GetProperty("objectType").GetString() == "Profile");
        Assert.InRange(audit.Count, 1, ownEntries);
        Assert.True(root.TryGetProperty("meetingEvaluations", out _));

        // Nothing of anyone else: no other demo professional's name or address, no case text.
        foreach (var other in DemoAccounts.All.Where(a => a.Email != Sanne))
        {
            Assert.DoesNotContain(other.Name, body, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Email, body, StringComparison.OrdinalIgnoreCase);
        }

        var caseTexts = await factory.QueryAsync(db => db.CaseFiles.Select(c => c.Title).ToListAsync());
        Assert.All(caseTexts, title => Assert.DoesNotContain(title, body, StringComparison.Ordinal));
        Assert.Contains(await factory.AuditOfAsync("Profile", sanne.ToString()), e => e.Action == "export" && e.Outcome == "success" && e.UserId == sanne);
    }

    [Fact]
    public async Task Without_signing_in_there_is_nothing_to_download()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/api/me/export", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"profile\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
