using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Agreements;

/// <summary>
/// The chair of Ondiep revises a wijkafspraak with a reason; the earlier version stays in its history. A form based on
/// an older version, a text with a name and a chair of another wijk are refused, and nothing changes.
/// </summary>
public sealed class Agreement_revisions(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Register = "/wijken/ondiep/afspraken";
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private const string OtherChair = "ingrid.meijer@demo.proeftuin.nl";

    private static string NextReview => DateTime.UtcNow.AddMonths(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Chair_revises_an_agreement_and_the_history_keeps_the_earlier_version_with_the_reason()
    {
        var id = await AgreementAsync("Warme overdracht");
        using var joost = await factory.SignedInAsync(Chair);
        using var kevin = await factory.SignedInAsync(Member);

        var form = await joost.OpenAsync(Revise(id));
        var revised = await joost.SubmitAsync(Revise(id), Revise(id), Fields(1, "Warme overdracht met terugkoppeling", "Bij elke verwijzing een warme overdracht en binnen twee weken terugkoppeling.", "De school hoorde niets terug"));
        var register = await kevin.OpenAsync(Register);
        var history = await kevin.OpenAsync(History(id));
        var after = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Id == id));
        var revision = await factory.QueryAsync(db => db.AgreementRevisions.SingleAsync(r => r.AgreementId == id));

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("value=\"Warme overdracht\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"1\"", form.Html, StringComparison.Ordinal);
        Assert.EndsWith(Register, revised.Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("De wijkafspraak is herzien", revised.Text, StringComparison.Ordinal);
        Assert.Equal(("Warme overdracht met terugkoppeling", 2), (after.Title, after.Version));
        Assert.Equal(("Warme overdracht", "Warme overdracht bij elke verwijzing.", "De school hoorde niets terug"), (revision.PreviousTitle, revision.PreviousText, revision.Reason));
        Assert.Contains("Geschiedenis (1)", register.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"/afspraken/{id}/herzien", register.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("Versie 1 → 2", history.Text, StringComparison.Ordinal);
        Assert.Contains("De school hoorde niets terug", history.Text, StringComparison.Ordinal);
        Assert.Contains("Warme overdracht bij elke verwijzing.", history.Text, StringComparison.Ordinal);
        Assert.Contains("Joost Mulder", history.Text, StringComparison.Ordinal);
        Assert.Contains("titel, tekst, volgende herziening", history.Text, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", history.Text);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == "Agreement" && e.ObjectId == id.ToString() && e.Action == "revise" && e.Outcome == "success")));
        Assert.True(await factory.AuditedAsync("AgreementHistory", id.ToString(), "success"));
    }

    [Fact]
    public async Task A_form_based_on_an_older_version_is_refused_and_nothing_changes()
    {
        var id = await AgreementAsync("Vaste contactpersoon");
        using var joost = await factory.SignedInAsync(Chair);
        await joost.SubmitAsync(Revise(id), Revise(id), Fields(1, "Vaste contactpersoon per school", "Elke school één vaste contactpersoon.", "Eerste herziening"));

        var stale = await joost.SubmitAsync(Revise(id), Revise(id), Fields(1, "Oude tab", "Tekst uit een oud formulier.", "Tweede herziening"));
        var after = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Id == id));

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Iemand anders heeft deze afspraak intussen gewijzigd", stale.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"current-version\"", stale.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"2\"", stale.Html, StringComparison.Ordinal);
        Assert.Equal(("Vaste contactpersoon per school", 2), (after.Title, after.Version));
        Assert.Equal(1, await factory.QueryAsync(db => db.AgreementRevisions.CountAsync(r => r.AgreementId == id)));
        Assert.True(await factory.AuditedAsync("Agreement", id.ToString(), "conflict"));
    }

    [Fact]
    public async Task A_revision_or_reason_with_a_name_is_refused_by_the_guard_and_nothing_changes()
    {
        var id = await AgreementAsync("Huisbezoek");
        using var joost = await factory.SignedInAsync(Chair);

        var refused = await joost.SubmitAsync(Revise(id), Revise(id), Fields(1, "Huisbezoek", "Huisbezoek binnen een week.", "Afgesproken met Moeder Anouk de Wit"));
        var empty = await joost.SubmitAsync(Revise(id), Revise(id), Fields(1, "Huisbezoek", "Huisbezoek binnen een week.", " "));
        var after = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Id == id));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("[naam moeder]", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Schrijf de reden van de herziening op.", empty.Text, StringComparison.Ordinal);
        Assert.Equal(("Huisbezoek bij elke verwijzing.", 1), (after.Text, after.Version));
        Assert.False(await factory.QueryAsync(db => db.AgreementRevisions.AnyAsync(r => r.AgreementId == id)));
        Assert.True(await factory.AuditedAsync("Agreement", id.ToString(), "denied"));
    }

    [Fact]
    public async Task Members_of_another_wijk_and_non_chairs_cannot_revise_and_only_members_read_the_history()
    {
        var id = await AgreementAsync("Schoolverzuim");
        using var ingrid = await factory.SignedInAsync(OtherChair);
        using var kevin = await factory.SignedInAsync(Member);

        var otherForm = await ingrid.OpenAsync(Revise(id));
        var otherHistory = await ingrid.OpenAsync(History(id));
        var memberForm = await kevin.OpenAsync(Revise(id));
        var memberHistory = await kevin.OpenAsync(History(id));
        var memberPost = await kevin.SubmitAsync(Register, Revise(id), Fields(1, "Gekaapt", "Gekaapte tekst.", "Geen recht"));
        var after = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Id == id));

        Assert.Equal(HttpStatusCode.Forbidden, otherForm.Status);
        Assert.Equal(HttpStatusCode.Forbidden, otherHistory.Status);
        Assert.Equal(HttpStatusCode.Forbidden, memberForm.Status);
        Assert.Equal(HttpStatusCode.OK, memberHistory.Status);
        Assert.Contains("Deze wijkafspraak is nog niet herzien.", memberHistory.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberPost.Status);
        Assert.Equal(("Schoolverzuim", 1), (after.Title, after.Version));
        Assert.True(await factory.AuditedAsync("AgreementHistory", id.ToString(), "denied"));
        Assert.True(await factory.AuditedAsync("Agreement", id.ToString(), "denied"));
    }

    private static string Revise(Guid id) => $"{Register}/{id}/herzien";

    private static string History(Guid id) => $"{Register}/{id}/geschiedenis";

    private static Dictionary<string, string> Fields(int version, string title, string text, string reason) => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Title"] = title,
        ["Text"] = text,
        ["ReviewDate"] = NextReview,
        ["Reason"] = reason,
    };

    private async Task<Guid> AgreementAsync(string title)
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        return await factory.QueryAsync(async db =>
        {
            var source = await db.Recommendations.Where(r => r.NeighbourhoodId == ondiep).Select(r => r.Id).FirstAsync();
            var agreement = new NeighbourhoodAgreement(Guid.NewGuid(), ondiep, title, $"{title} bij elke verwijzing.", [source], null,
                DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), DateTime.UtcNow);
            db.NeighbourhoodAgreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });
    }
}
