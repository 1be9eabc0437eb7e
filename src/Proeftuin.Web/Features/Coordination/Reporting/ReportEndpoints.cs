using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The report's exports: the whole report as DOCX or print HTML, one table as CSV. Coordinator role (the group demands
/// the second factor); bad periods are a 400 ProblemDetails; every export and every refusal is audit-logged. Exports are
/// in Dutch, the language of the reports, whatever the coordinator's language.
/// </summary>
public static class ReportEndpoints
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static RouteGroupBuilder MapCoordinationReport(this RouteGroupBuilder group)
    {
        group.MapGet("/report/export/{format}", ExportAsync);
        group.MapGet("/report/tables/{table}.csv", TableAsync);
        return group;
    }

    private static async Task<Results<ExportFile, ProblemHttpResult>> ExportAsync(
        string format, string? a, string? b, CoordinatorGate gate, ReportBuilder builder, IStringLocalizer<ReportText> text, AuditLog audit, MarkdownRenderer markdown,
        CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("export", "CoordinatorReport", format, cancellationToken))
        {
            return Forbidden();
        }

        if (format is not ("docx" or "html"))
        {
            return ProblemResults.NotFound("Dit exportformaat");
        }

        if (!Periods(a, b, out var periodA, out var periodB))
        {
            return ProblemResults.Invalid("Kies twee halfjaren, zoals a=2025-H2 en b=2026-H1.");
        }

        var (report, generated, counts) = await InDutchAsync(async () =>
        {
            var r = await builder.BuildAsync(periodA, periodB, cancellationToken);
            return (r, text["Generated", ReportExport.Generated(r)].Value, text["ThemeCounts"].Value);
        });
        await audit.RecordAsync(new AuditEvent("export", "success", "CoordinatorReport", $"{format} a={periodA.Key} b={periodB.Key}", Role: CoordinatorGate.Role), cancellationToken);
        return format == "docx"
            ? new ExportFile(InDutch(() => ReportExport.Docx(report, markdown, generated, counts)), ExportFormat.Docx, report.FileName)
            : new ExportFile(InDutch(() => ReportExport.Html(report, markdown, generated, counts)), ExportFormat.Html, report.FileName);
    }

    private static async Task<Results<ExportFile, ProblemHttpResult>> TableAsync(
        string table, string? a, string? b, string? sep, CoordinatorGate gate, ReportBuilder builder, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("export", "CoordinatorReport", table, cancellationToken))
        {
            return Forbidden();
        }

        if (!Periods(a, b, out var periodA, out var periodB))
        {
            return ProblemResults.Invalid("Kies twee halfjaren, zoals a=2025-H2 en b=2026-H1.");
        }

        var report = await InDutchAsync(() => builder.BuildAsync(periodA, periodB, cancellationToken));
        if (report.Table(table) is not { } found)
        {
            return ProblemResults.NotFound("Deze tabel");
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "CoordinatorReport", $"csv {table} a={periodA.Key} b={periodB.Key}", Role: CoordinatorGate.Role), cancellationToken);
        return new ExportFile(ReportExport.Csv(found, CsvTable.Separator(sep)), ExportFormat.Csv, $"{report.FileName}-{table}");
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang", detail: "Alleen coördinatoren kunnen de rapportage exporteren.", type: "https://proeftuin.nl/problems/forbidden");

    public static bool Periods(string? a, string? b, out ReportPeriod periodA, out ReportPeriod periodB)
    {
        periodB = null!;
        return ReportPeriod.TryParse(a, out periodA) & ReportPeriod.TryParse(b, out periodB);
    }

    private static async Task<T> InDutchAsync<T>(Func<Task<T>> build)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Dutch, Dutch);
        try
        {
            return await build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static T InDutch<T>(Func<T> build)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Dutch, Dutch);
        try
        {
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
