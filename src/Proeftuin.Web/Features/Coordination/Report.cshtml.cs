using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The coordinator's report: two half-years side by side (default: the previous one and the current one), with the
/// export links for exactly what is shown. Coordinator role only; every view is audit-logged with its periods.
/// </summary>
public sealed class ReportModel(CoordinatorGate gate, ReportBuilder builder, AuditLog audit, TimeProvider time, IStringLocalizer<ReportText> text) : PageModel
{
    public CoordinatorReport Report { get; private set; } = null!;

    public IReadOnlyList<ReportPeriod> Choices { get; private set; } = [];

    public string Label(ReportPeriod period) => builder.Label(period);

    /// <summary>The query string of the shown periods, for the export links.</summary>
    public string Query => $"?a={Report.A.Key}&b={Report.B.Key}";

    public async Task<IActionResult> OnGetAsync(string? a, string? b, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("read", "CoordinatorReport", null, cancellationToken))
        {
            return Forbid();
        }

        var today = ReportBuilder.Today(time);
        Choices = ReportPeriod.Recent(today);
        var periodB = Pick(b, "b", ReportPeriod.Containing(today));
        var periodA = Pick(a, "a", periodB.Previous());
        Report = await builder.BuildAsync(periodA, periodB, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CoordinatorReport", $"a={periodA.Key} b={periodB.Key}", Role: CoordinatorGate.Role), cancellationToken);
        return Page();
    }

    /// <summary>A period from the query; a value that does not parse is a field error and the default is shown.</summary>
    private ReportPeriod Pick(string? value, string field, ReportPeriod fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (ReportPeriod.TryParse(value, out var period))
        {
            return period;
        }

        ModelState.AddModelError(field, text["PeriodInvalid"]);
        return fallback;
    }
}
