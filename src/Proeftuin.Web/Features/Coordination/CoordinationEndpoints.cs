using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Markdown;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The coordinator's exports of a compilation — the filtered list, one theme, or all themes — as CSV, Markdown,
/// printable HTML or DOCX. Coordinator role only; every export is audit-logged with what was exported.
/// </summary>
public static class CoordinationEndpoints
{
    public static IServiceCollection AddCoordination(this IServiceCollection services) =>
        services.AddScoped<WorkspaceQueries>().AddScoped<CoordinatorGate>().AddScoped<ReportFigures>().AddScoped<ReportBuilder>();

    public static RouteGroupBuilder MapCoordination(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Coordination");
        group.MapGet("/recommendations/export/{format}", ExportListAsync);
        group.MapGet("/themes/{themeId:guid}/export/{format}", ExportThemeAsync);
        group.MapGet("/themes/export/{format}", ExportAllThemesAsync);
        return group.MapCoordinationReport();
    }

    private static async Task<Results<ExportFile, ProblemHttpResult>> ExportListAsync(
        string format, [AsParameters] RecommendationFilter filter, string? sep, ProeftuinDbContext db, RecommendationCompilation compilation,
        CoordinatorGate gate, TextGuard guard, AuditLog audit, MarkdownRenderer markdown, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("export", "RecommendationList", format, cancellationToken))
        {
            return Forbidden();
        }

        if (!ExportFile.ByExtension.TryGetValue(format, out var kind))
        {
            return ProblemResults.NotFound("Dit exportformaat");
        }

        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        var owners = (await IndexModel.OwnersAsync(db, cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var items = await compilation.AllAsync(filter, cancellationToken);
        var result = new Compilation("Aanbevelingen", filter.Describe(neighbourhoods, owners), time.GetUtcNow().UtcDateTime, [new CompilationSection(null, null, items)]);
        await audit.RecordAsync(new AuditEvent("export", "success", "RecommendationList", $"{format}{filter.ToQueryString()} ({items.Count})", Role: CoordinatorGate.Role), cancellationToken);
        return File(await ExportScreen.ScreenAsync(result, guard, cancellationToken), kind, sep, markdown);
    }

    private static async Task<Results<ExportFile, ProblemHttpResult>> ExportThemeAsync(
        Guid themeId, string format, string? sep, ProeftuinDbContext db, RecommendationCompilation compilation,
        CoordinatorGate gate, TextGuard guard, AuditLog audit, MarkdownRenderer markdown, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("export", "RecommendationTheme", themeId.ToString(), cancellationToken))
        {
            return Forbidden();
        }

        var theme = await db.RecommendationThemes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null || !ExportFile.ByExtension.TryGetValue(format, out var kind))
        {
            return ProblemResults.NotFound(theme is null ? "Dit thema" : "Dit exportformaat");
        }

        var items = await compilation.ByIdsAsync([.. theme.RecommendationIds], cancellationToken);
        var result = new Compilation(theme.Title, $"thema ‘{theme.Title}’", time.GetUtcNow().UtcDateTime, [new CompilationSection(theme.Title, theme.Synthesis, items)]);
        await audit.RecordAsync(new AuditEvent("export", "success", "RecommendationTheme", themeId.ToString(), Role: CoordinatorGate.Role), cancellationToken);
        return File(await ExportScreen.ScreenAsync(result, guard, cancellationToken), kind, sep, markdown);
    }

    private static async Task<Results<ExportFile, ProblemHttpResult>> ExportAllThemesAsync(
        string format, string? sep, ProeftuinDbContext db, RecommendationCompilation compilation,
        CoordinatorGate gate, TextGuard guard, AuditLog audit, MarkdownRenderer markdown, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("export", "RecommendationThemes", format, cancellationToken))
        {
            return Forbidden();
        }

        if (!ExportFile.ByExtension.TryGetValue(format, out var kind))
        {
            return ProblemResults.NotFound("Dit exportformaat");
        }

        var themes = await db.RecommendationThemes.AsNoTracking().OrderBy(t => t.Title).ToListAsync(cancellationToken);
        var sections = new List<CompilationSection>();
        foreach (var theme in themes)
        {
            sections.Add(new CompilationSection(theme.Title, theme.Synthesis, await compilation.ByIdsAsync([.. theme.RecommendationIds], cancellationToken)));
        }

        var result = new Compilation("Thema's", "alle thema's", time.GetUtcNow().UtcDateTime, sections);
        await audit.RecordAsync(new AuditEvent("export", "success", "RecommendationThemes", $"{format} ({themes.Count})", Role: CoordinatorGate.Role), cancellationToken);
        return File(await ExportScreen.ScreenAsync(result, guard, cancellationToken), kind, sep, markdown);
    }

    private static ExportFile File(Compilation compilation, ExportFormat format, string? sep, MarkdownRenderer markdown)
    {
        var bytes = format switch
        {
            ExportFormat.Csv => CsvExport.Write(compilation, CsvTable.Separator(sep)),
            ExportFormat.Markdown => MarkdownExport.Write(compilation),
            ExportFormat.Html => HtmlExport.Write(compilation, markdown),
            _ => DocxExport.Write(compilation, markdown),
        };
        return new ExportFile(bytes, format, compilation.FileName);
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang", detail: "Alleen coördinatoren kunnen aanbevelingen exporteren.", type: "https://proeftuin.nl/problems/forbidden");
}
