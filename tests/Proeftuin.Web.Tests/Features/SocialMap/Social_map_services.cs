using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.SocialMap;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.SocialMap;

/// <summary>
/// The services and organisations on Ondiep's sociale kaart: listed with a filter, added, changed and removed by its
/// members, guarded like every text, refused to everyone else, and every step in the audit log.
/// </summary>
public sealed partial class Social_map_services(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Map = "/wijken/ondiep/sociale-kaart";
    private const string NewService = "/wijken/ondiep/sociale-kaart/dienst";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task The_demo_wijk_lists_its_services_and_filters_them_by_kind_and_by_words()
    {
        using var kevin = await factory.SignedInAsync(Member);

        var all = await kevin.OpenAsync(Map);
        var violence = await kevin.OpenAsync($"{Map}?soort={KindOfHelp.HuiselijkGeweld}");
        var school = await kevin.OpenAsync($"{Map}?zoek=LEERPLICHT");
        var twoWords = await kevin.OpenAsync($"{Map}?zoek=opvoeden+thuis");
        var nothing = await kevin.OpenAsync($"{Map}?soort={KindOfHelp.VrijeTijdSport}&zoek=ondiep");

        Assert.Equal(5, Services(all).Count);
        Assert.Contains("Buurtteam Jeugd en Gezin Ondiep", Services(all));
        Assert.Contains("0800-0432", all.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:08000432\"", all.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Buurtteam Jeugd en Gezin Binnenstad", all.Text, StringComparison.Ordinal);
        Assert.Equal(["Veilig Thuis regio Utrecht"], Services(violence));
        Assert.Equal(["Leerplicht gemeente Utrecht"], Services(school));
        Assert.Equal(["Buurtteam Jeugd en Gezin Ondiep"], Services(twoWords));
        Assert.Empty(Services(nothing));
        Assert.Contains("Geen diensten gevonden met dit filter.", nothing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_adds_changes_and_removes_a_service_a_stale_form_changes_nothing_and_every_step_is_audited()
    {
        using var kevin = await factory.SignedInAsync(Member);
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var added = await kevin.SubmitAsync(NewService, NewService, Form("Opvoedpunt Ondiep", "Inloop wo 9.00–11.00"));
        var service = await factory.QueryAsync(db => db.SocialMapServices.AsNoTracking().SingleAsync(s => s.Name == "Opvoedpunt Ondiep"));
        var edit = $"{NewService}/{service.Id}";
        var changed = await joost.SubmitAsync(edit, edit, Form("Opvoedpunt Ondiep", "Inloop wo en vr 9.00–11.00", version: 0));
        var stale = await kevin.SubmitAsync(edit, edit, Form("Opvoedpunt Ondiep", "Alleen op afspraak", version: 0));
        var afterStale = await factory.QueryAsync(db => db.SocialMapServices.AsNoTracking().SingleAsync(s => s.Id == service.Id));
        var remove = $"{edit}/verwijderen";
        var confirm = await kevin.OpenAsync(remove);
        var staleRemoval = await kevin.SubmitAsync(remove, remove, new Dictionary<string, string> { ["Version"] = "0" });
        var stillThere = await factory.QueryAsync(db => db.SocialMapServices.AnyAsync(s => s.Id == service.Id));
        var removed = await kevin.SubmitAsync(remove, remove, new Dictionary<string, string> { ["Version"] = "1" });

        Assert.Contains("Opvoedpunt Ondiep staat op de sociale kaart.", added.Text, StringComparison.Ordinal);
        Assert.Equal(Map, added.Landed.AbsolutePath);
        Assert.Equal((KindOfHelp.Opvoedondersteuning, "https://example.org/opvoedpunt"), (service.KindOfHelp, service.Website));
        Assert.Contains("De wijzigingen in Opvoedpunt Ondiep zijn opgeslagen.", changed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Iemand anders heeft deze dienst intussen gewijzigd.", stale.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"current-version\"", stale.Html, StringComparison.Ordinal);
        Assert.Equal(("Inloop wo en vr 9.00–11.00", 1), (afterStale.OpeningHours, afterStale.Version));
        Assert.Contains("Weet je zeker dat je Opvoedpunt Ondiep van de sociale kaart wilt verwijderen?", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleRemoval.Status);
        Assert.True(stillThere);
        Assert.Contains("Opvoedpunt Ondiep is van de sociale kaart verwijderd.", removed.Text, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.SocialMapServices.AnyAsync(s => s.Id == service.Id)));
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.ObjectType == "SocialMapService" && e.ObjectId == service.Id.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Action + " " + e.Outcome).ToListAsync());
        Assert.Equal(["create success", "read success", "update success", "read success", "update conflict", "read success", "read success", "delete conflict", "read success", "delete success"], audit);
    }

    [Fact]
    public async Task Every_demo_service_saves_unchanged_the_guard_finds_nothing_in_an_organisations_details()
    {
        using var kevin = await factory.SignedInAsync(Member);
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var services = await factory.QueryAsync(db => db.SocialMapServices.AsNoTracking().Where(s => s.NeighbourhoodId == ondiep).ToListAsync());
        var refused = new List<string>();

        foreach (var service in services)
        {
            var edit = $"{NewService}/{service.Id}";
            var saved = await kevin.SubmitAsync(edit, edit, new Dictionary<string, string>
            {
                ["Name"] = service.Name, ["Kind"] = service.KindOfHelp.ToString(), ["HowToRefer"] = service.HowToRefer, ["Phone"] = service.Phone ?? string.Empty,
                ["Website"] = service.Website ?? string.Empty, ["OpeningHours"] = service.OpeningHours ?? string.Empty,
                ["Description"] = service.Description ?? string.Empty, ["Version"] = service.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (saved.Landed.AbsolutePath != Map)
            {
                refused.Add($"{service.Name}: {(int)saved.Status}");
            }
        }

        Assert.Equal(5, services.Count);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Missing_or_wrong_fields_get_Dutch_errors_and_nothing_is_stored()
    {
        using var kevin = await factory.SignedInAsync(Member);
        var before = await factory.QueryAsync(db => db.SocialMapServices.CountAsync());

        var empty = await kevin.SubmitAsync(NewService, NewService, new Dictionary<string, string> { ["Name"] = " ", ["Kind"] = "", ["HowToRefer"] = "" });
        var badSite = await kevin.SubmitAsync(NewService, NewService, Form("Opvoedpunt", null, website: "javascript:alert(1)"));
        var unknownKind = await kevin.SubmitAsync(NewService, NewService, Form("Opvoedpunt", null, kind: "Ruimtevaart"));

        Assert.Contains("Vul de naam van de dienst of organisatie in.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een soort hulp.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Vul in hoe je verwijst of aanmeldt.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een website in die begint met http:// of https://", badSite.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een soort hulp.", unknownKind.Text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.SocialMapServices.CountAsync()));
    }

    [Fact]
    public async Task A_description_that_identifies_a_client_is_refused_by_the_guard_and_not_stored()
    {
        using var kevin = await factory.SignedInAsync(Member);
        var before = await factory.QueryAsync(db => db.SocialMapServices.CountAsync());
        var fields = Form("Opvoedpunt Ondiep", null);
        fields["Description"] = "Hier ging Sanne Jansen heen, bel haar moeder op 06-12345678.";

        var refused = await kevin.SubmitAsync(NewService, NewService, fields);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("data-testid=\"guard-findings\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("06-12345678", refused.Text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.SocialMapServices.CountAsync()));
        Assert.True(await factory.AuditedAsync("SocialMapService", null, "denied"));
    }

    [Fact]
    public async Task A_member_of_another_wijk_can_neither_open_nor_change_nor_remove_a_service()
    {
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var service = await factory.QueryAsync(db => db.SocialMapServices.AsNoTracking().FirstAsync(s => s.NeighbourhoodId == ondiep));
        var edit = $"{NewService}/{service.Id}";

        var open = await ingrid.OpenAsync(edit);
        var remove = await ingrid.OpenAsync($"{edit}/verwijderen");
        // A form from her own wijk's page, posted at Ondiep's addresses.
        var post = await ingrid.SubmitAsync("/wijken/binnenstad/sociale-kaart/dienst", edit, Form("Overgenomen", null, version: service.Version));
        var delete = await ingrid.SubmitAsync("/wijken/binnenstad/sociale-kaart/dienst", $"{edit}/verwijderen", new Dictionary<string, string> { ["Version"] = service.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.All([open, remove, post, delete], page => Assert.Equal(HttpStatusCode.Forbidden, page.Status));
        var after = await factory.QueryAsync(db => db.SocialMapServices.AsNoTracking().SingleAsync(s => s.Id == service.Id));
        Assert.Equal((service.Name, service.Version), (after.Name, after.Version));
        Assert.True(await factory.AuditedAsync("SocialMapService", service.Id.ToString(), "denied"));
    }

    private static Dictionary<string, string> Form(string name, string? hours, int? version = null, string website = "https://example.org/opvoedpunt", string kind = nameof(KindOfHelp.Opvoedondersteuning))
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name, ["Kind"] = kind, ["HowToRefer"] = "Ouders lopen zelf binnen; professionals bellen vooraf.",
            ["Phone"] = "030-123 45 67", ["Website"] = website, ["OpeningHours"] = hours ?? string.Empty, ["Description"] = "Vragen over opvoeden, ook in het Arabisch en Turks.",
        };
        if (version is { } v)
        {
            fields["Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private static List<string> Services(PageResult page) =>
        [.. ServiceName().Matches(page.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value))];

    [GeneratedRegex("<li class=\"proeftuin-card\" data-testid=\"service\">\\s*<h3 class=\"utrecht-heading-3\">(?<name>[^<]+)</h3>")]
    private static partial Regex ServiceName();
}
