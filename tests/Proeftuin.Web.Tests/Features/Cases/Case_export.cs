using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>A case leaves the system only when the anonymisation guard finds nothing open; every export is logged.</summary>
public sealed class Case_export(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task A_clean_case_is_exported_as_markdown_and_one_with_an_open_name_is_refused()
    {
        var ondiep = await factory.WijkIdAsync("ondiep");
        var cases = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep).OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.Text }).ToListAsync());
        var (clean, guardedCase) = (cases[0], cases[1]);
        var word = guardedCase.Text.Split([' ', '\n', '.', ','], StringSplitOptions.RemoveEmptyEntries).First(w => w.Length > 6 && char.IsLetter(w[0]));
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        using var guard = await kevin.PutAsJsonAsync(new Uri($"/api/cases/{guardedCase.Id}/guarded-names", UriKind.Relative), new { names = new[] { word } });

        using var exported = await kevin.GetAsync(new Uri($"/api/cases/{clean.Id}/export.md", UriKind.Relative));
        using var refused = await kevin.GetAsync(new Uri($"/api/cases/{guardedCase.Id}/export.md", UriKind.Relative));
        using var outsider = await ingrid.GetAsync(new Uri($"/api/cases/{clean.Id}/export.md", UriKind.Relative));

        Assert.True(guard.IsSuccessStatusCode, await guard.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal($"{clean.Code}.md", exported.Content.Headers.ContentDisposition!.FileNameStar ?? exported.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(clean.Text, await exported.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("mogelijk identificerende gegevens", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.True(await factory.AuditedAsync("CaseFile", clean.Id.ToString(), "success"));
        Assert.True(await factory.AuditedAsync("CaseFile", guardedCase.Id.ToString(), "denied"));
    }
}
