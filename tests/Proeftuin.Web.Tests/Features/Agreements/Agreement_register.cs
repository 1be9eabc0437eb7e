using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Agreements;

/// <summary>The wijkafspraken of Ondiep: members read them with their sources, the chair adopts, reviews and ends them.</summary>
public sealed class Agreement_register(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Register = "/wijken/ondiep/afspraken";
    private const string Form = "/wijken/ondiep/afspraken/nieuw";
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task Member_of_Ondiep_reads_the_register_with_the_recommendations_behind_each_agreement()
    {
        using var kevin = await factory.SignedInAsync(Member);
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var page = await kevin.OpenAsync(Register);
        var otherNeighbourhood = await ingrid.OpenAsync(Register);
        var coordinator = await hanna.OpenAsync(Register);
        var form = await kevin.OpenAsync(Form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-testid=\"agreement\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Komt voort uit", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe wijkafspraak", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherNeighbourhood.Status);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.Status);
        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.True(await factory.AuditedAsync("AgreementRegister", null, "denied"));
    }

    [Fact]
    public async Task Chair_adopts_an_agreement_from_recommendations_reviews_it_and_ends_it_after_confirming()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var recommendation = await factory.QueryAsync(db => db.Recommendations.Where(r => r.NeighbourhoodId == ondiep).Select(r => r.Id).FirstAsync());
        using var joost = await factory.SignedInAsync(Chair);

        var invalid = await joost.SubmitAsync(Form, Form, new Dictionary<string, string> { ["Title"] = " ", ["ReviewDate"] = "2020-01-01" });
        var adopted = await joost.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "Vaste contactpersoon school",
            ["Text"] = "Elke school in de wijk heeft één vaste contactpersoon bij het buurtteam.",
            ["Sources[0]"] = recommendation.ToString(),
            ["ReviewDate"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var agreement = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Title == "Vaste contactpersoon school"));
        var started = await joost.SubmitAsync(Register, $"{Register}?handler=StartReview&id={agreement.Id}", new Dictionary<string, string>());
        var notConfirmed = await joost.SubmitAsync(Register, $"{Register}?handler=End&id={agreement.Id}", new Dictionary<string, string>());
        var ended = await joost.SubmitAsync(Register, $"{Register}?handler=End&id={agreement.Id}", new Dictionary<string, string> { ["confirm"] = "true" });
        var after = await factory.QueryAsync(db => db.NeighbourhoodAgreements.SingleAsync(a => a.Id == agreement.Id));

        Assert.Contains("Geef de wijkafspraak een titel.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één aanbeveling.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("De herziening ligt in de toekomst.", invalid.Text, StringComparison.Ordinal);
        Assert.EndsWith(Register, adopted.Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("De wijkafspraak is vastgelegd.", adopted.Text, StringComparison.Ordinal);
        Assert.Equal([recommendation], agreement.SourceRecommendationIds);
        Assert.Contains("De wijkafspraak is bijgewerkt.", started.Text, StringComparison.Ordinal);
        Assert.Contains("Vink aan dat je de wijkafspraak wilt beëindigen.", notConfirmed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal(AgreementStatus.Ended, after.Status);
        Assert.True(await factory.AuditedAsync("Agreement", agreement.Id.ToString(), "success"));
    }

    [Fact]
    public async Task Home_reminds_members_of_agreements_whose_review_date_has_come()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var recommendation = await factory.QueryAsync(db => db.Recommendations.Where(r => r.NeighbourhoodId == ondiep).Select(r => r.Id).FirstAsync());
        await factory.QueryAsync(async db =>
        {
            db.NeighbourhoodAgreements.Add(new NeighbourhoodAgreement(Guid.NewGuid(), ondiep, "Overdracht naar de GGZ", "Warme overdracht bij elke verwijzing.",
                [recommendation], null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var kevin = await factory.SignedInAsync(Member);
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");

        var home = await kevin.OpenAsync("/");
        var otherHome = await ingrid.OpenAsync("/");

        Assert.Contains("data-testid=\"reminders\"", home.Html, StringComparison.Ordinal);
        Assert.Contains("Ondiep — Overdracht naar de GGZ", home.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdracht naar de GGZ", otherHome.Text, StringComparison.Ordinal);
    }
}
