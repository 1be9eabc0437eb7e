using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>A member starts a case from the form; it is created exactly as the API creates it, from the Utrecht template.</summary>
public sealed class New_case_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Form = "/casussen/nieuw?wijk=ondiep";

    [Fact]
    public async Task Member_creates_a_case_from_the_form_and_lands_on_its_page()
    {
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var form = await kevin.OpenAsync(Form);
        var created = await kevin.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "Somberheid na verhuizing",
            ["AgeBand"] = "Adolescent",
            ["Themes"] = "somberheid, school , ",
        });

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Aanmelding en hulpvraag", form.Text, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Adolescent\">12–18 jaar</option>", form.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.StartsWith("/casussen/", created.Landed.AbsolutePath, StringComparison.Ordinal);
        var caseId = Guid.Parse(created.Landed.AbsolutePath["/casussen/".Length..]);
        var caseFile = await factory.QueryAsync(db => db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.Equal(("Somberheid na verhuizing", AgeBand.Adolescent, CaseStatus.Draft), (caseFile.Title, caseFile.AgeBand, caseFile.Status));
        Assert.Equal(["somberheid", "school"], caseFile.Themes);
        Assert.Equal(CaseTemplate.NewCaseMarkdown("Somberheid na verhuizing"), caseFile.Text);
        Assert.StartsWith("OND-", caseFile.Code, StringComparison.Ordinal);
        Assert.Contains($"Casus {caseFile.Code} is aangemaakt.", created.Text, StringComparison.Ordinal);
        Assert.Contains("<h3>Somberheid na verhuizing</h3>", created.Html, StringComparison.Ordinal);
        Assert.Contains("<h4>Aanmelding en hulpvraag</h4>", created.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("CaseFile", caseId.ToString(), "success"));
    }

    [Fact]
    public async Task Invalid_new_case_shows_Dutch_errors_and_creates_nothing()
    {
        var before = await factory.QueryAsync(db => db.CaseFiles.CountAsync());
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var empty = await kevin.SubmitAsync(Form, Form, new Dictionary<string, string> { ["Title"] = "  ", ["AgeBand"] = "" });
        var tooManyThemes = await kevin.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "Casus met te veel thema's",
            ["AgeBand"] = "Child",
            ["Themes"] = string.Join(',', Enumerable.Range(1, 11).Select(i => $"thema{i}")),
        });
        var unknownAgeBand = await kevin.SubmitAsync(Form, Form, new Dictionary<string, string> { ["Title"] = "Casus", ["AgeBand"] = "Bejaard" });

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("data-testid=\"error-summary\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Title\">Geef de casus een korte, niet-identificerende titel.</a>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"Title-fout\">Geef de casus een korte, niet-identificerende titel.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"AgeBand-fout\">Kies een leeftijdscategorie.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Title-fout\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Themes-fout\">Kies maximaal 10 thema's.</p>", tooManyThemes.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"Casus met te veel thema's\"", tooManyThemes.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"AgeBand-fout\">", unknownAgeBand.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", unknownAgeBand.Text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.CaseFiles.CountAsync()));
    }

    [Fact]
    public async Task Member_of_another_wijk_cannot_create_an_Ondiep_case()
    {
        var before = await factory.QueryAsync(db => db.CaseFiles.CountAsync());
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var form = await ingrid.OpenAsync(Form);
        var posted = await ingrid.SubmitAsync("/", Form, new Dictionary<string, string> { ["Title"] = "Ingeslopen casus", ["AgeBand"] = "Child" });
        var coordinator = await hanna.OpenAsync(Form);

        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.Status);
        Assert.Equal(before, await factory.QueryAsync(db => db.CaseFiles.CountAsync()));
        Assert.True(await factory.AuditedAsync("CaseFile", null, "denied"));
    }
}
