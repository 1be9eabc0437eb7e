using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>
/// The beheerder's pages: only the beheerder opens them; the overview lists wijken with members and roles and the
/// accounts; forms show their errors next to the field in Dutch and English; removing and deactivating ask first.
/// </summary>
public sealed class Administration_pages(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Only_the_beheerder_opens_the_administration_pages()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var pieter = await factory.AccountIdAsync("pieter.vandijk@demo.proeftuin.nl");
        string[] pages = ["/admin", "/admin/wijken/nieuw", $"/admin/wijken/{ondiep}", $"/admin/accounts/{pieter}", "/admin/invite"];
        var clients = new Dictionary<string, HttpClient>
        {
            ["member"] = await factory.SignedInAsync("pieter.vandijk@demo.proeftuin.nl"),
            ["chair"] = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl"),
            ["coordinator"] = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl"),
            ["beheerder"] = await factory.SignedInAsync(AdminCalls.Beheerder),
            ["anonymous"] = factory.CreateClient(),
        };
        var failures = new List<string>();

        foreach (var path in pages)
        {
            foreach (var (who, client) in clients)
            {
                var page = await client.OpenAsync(path);
                var ok = who switch
                {
                    "beheerder" => page.Status == HttpStatusCode.OK,
                    "anonymous" => page.Landed.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal),
                    _ => page.Status == HttpStatusCode.Forbidden && page.Landed.AbsolutePath.StartsWith("/account/access-denied", StringComparison.Ordinal),
                };
                if (!ok)
                {
                    failures.Add($"{path} as {who}: {(int)page.Status} at {page.Landed.AbsolutePath}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_overview_lists_every_wijk_with_its_members_and_roles_and_every_account_with_its_state()
    {
        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);

        var page = await admin.OpenAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Joost Mulder (Voorzitter)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Pieter van Dijk (Lid)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Leidsche Rijn (Lid), Ondiep (Lid)", page.Text, StringComparison.Ordinal); // Sanne Visser's two wijken
        Assert.Contains("beheer@demo.proeftuin.nl", page.Text, StringComparison.Ordinal);
        Assert.All(new[] { "leidsche-rijn", "ondiep", "binnenstad" }, slug => Assert.Contains($"data-testid=\"admin-neighbourhood\" data-slug=\"{slug}\"", page.Html, StringComparison.Ordinal));
        Assert.True(await factory.AuditedAsync("Administration", null, "success"));
    }

    [Fact]
    public async Task A_new_wijk_with_a_taken_slug_is_refused_next_to_the_field_in_dutch_and_english_and_a_good_one_is_created()
    {
        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);
        var taken = new Dictionary<string, string> { ["Name"] = "Ondiep Noord", ["Slug"] = "ondiep", ["CaseCodePrefix"] = "ONN" };

        var dutch = await admin.SubmitAsync("/admin/wijken/nieuw", "/admin/wijken/nieuw", taken);
        using (await BrowserlessLogin.PostFormAsync(admin, "/admin", "/taal", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/admin" }))
        {
        }

        var english = await admin.SubmitAsync("/admin/wijken/nieuw", "/admin/wijken/nieuw", new Dictionary<string, string>(taken) { ["CaseCodePrefix"] = "on1" });
        var created = await admin.SubmitAsync("/admin/wijken/nieuw", "/admin/wijken/nieuw", new Dictionary<string, string>(taken) { ["Slug"] = string.Empty });

        Assert.Contains("id=\"Slug-fout\"", dutch.Html, StringComparison.Ordinal);
        Assert.Contains("Een andere wijk heeft dit webadres al", dutch.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"CaseCodePrefix-fout\"", english.Html, StringComparison.Ordinal);
        Assert.Contains("The prefix consists of 2 to 4 capital letters", english.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("Wijk Ondiep Noord has been created", created.Text, StringComparison.Ordinal);
        var id = await factory.NeighbourhoodIdAsync("ondiep-noord");
        Assert.Equal($"/admin/wijken/{id}", created.Landed.AbsolutePath);
    }

    [Fact]
    public async Task Removing_a_member_asks_for_confirmation_before_anything_changes()
    {
        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var kevin = await factory.AccountIdAsync("kevin.smit@demo.proeftuin.nl");
        var page = $"/admin/wijken/{ondiep}";

        var asked = await admin.SubmitAsync(page, $"{page}?handler=Remove", new Dictionary<string, string> { ["ProfessionalId"] = kevin.ToString() });

        Assert.Contains("data-testid=\"remove-confirmation\"", asked.Html, StringComparison.Ordinal);
        Assert.Contains("Weet je zeker dat je Kevin Smit uit Ondiep haalt?", asked.Text, StringComparison.Ordinal);
        Assert.True(await IsMemberAsync(ondiep, kevin));

        var removed = await admin.SubmitAsync(page, $"{page}?handler=RemoveConfirmed", new Dictionary<string, string> { ["ProfessionalId"] = kevin.ToString() });

        Assert.Contains("Het lid is uit de wijk gehaald", removed.Text, StringComparison.Ordinal);
        Assert.False(await IsMemberAsync(ondiep, kevin));
    }

    [Fact]
    public async Task Deactivating_an_account_asks_for_confirmation_before_anything_changes()
    {
        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);
        var daan = await factory.AccountIdAsync("daan.bakker@demo.proeftuin.nl");
        var page = $"/admin/accounts/{daan}";

        var asked = await admin.SubmitAsync(page, $"{page}?handler=Deactivate", new Dictionary<string, string>());

        Assert.Contains("data-testid=\"deactivate-confirmation\"", asked.Html, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == daan).Select(u => u.LockoutEnd).SingleAsync()));

        var done = await admin.SubmitAsync(page, $"{page}?handler=DeactivateConfirmed", new Dictionary<string, string>());

        Assert.Contains("Het account is gedeactiveerd", done.Text, StringComparison.Ordinal);
        Assert.Contains(">Gedeactiveerd<", done.Html, StringComparison.Ordinal);
    }

    private Task<bool> IsMemberAsync(Guid neighbourhood, Guid professional) =>
        factory.QueryAsync(db => db.Memberships.AnyAsync(m => m.NeighbourhoodId == neighbourhood && m.ProfessionalId == professional));
}
