using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Exports;

namespace Proeftuin.Web.Features.Audit;

/// <summary>
/// The audit log for beheerders: filter by user, object and period, check the hash chain, export CSV. Every look at
/// the log is itself logged.
/// </summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class IndexModel(ProeftuinDbContext db, AuditLog audit, AuditKey key, Microsoft.Extensions.Localization.IStringLocalizer<AuditText> texts) : PageModel
{
    /// <summary>The entries' codes and times as the beheerder reads them.</summary>
    public AuditLabels Labels { get; } = new(texts);

    /// <summary>The audit log's CSV for Excel, semicolon-separated (the log is read in the Netherlands).</summary>
    private static readonly string[] Columns = ["volgnummer", "tijd (UTC)", "gebruiker", "discipline", "rol", "actie", "objecttype", "object", "wijk", "adres", "uitkomst", "correlatie", "hash"];

    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ObjectFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public long? BrokenAt { get; private set; }

    public bool Verified { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Filtered();
        Total = await query.CountAsync(cancellationToken);
        Entries = await query.OrderByDescending(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("audit-read", "success", "AuditLog", Describe(), Role: GlobalRoles.Administrator), cancellationToken);
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        BrokenAt = await AuditWriter.VerifyAsync(db, key, cancellationToken);
        Verified = true;
        await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var entries = await Filtered().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("export", "success", "AuditLog", Describe(), Role: GlobalRoles.Administrator), cancellationToken);
        var rows = entries.Select(e => (IReadOnlyList<string>)
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture), e.TimestampUtc.ToString("O", CultureInfo.InvariantCulture), e.UserName ?? string.Empty, e.Discipline ?? string.Empty,
            e.Role ?? string.Empty, e.Action, e.ObjectType ?? string.Empty, e.ObjectId ?? string.Empty, e.NeighbourhoodId?.ToString() ?? string.Empty, e.ClientAddress ?? string.Empty,
            e.Outcome, e.CorrelationId ?? string.Empty, e.Hash,
        ]);
        return File(CsvTable.Write(Columns, [.. rows], ';'), "text/csv; charset=utf-8", $"auditlog-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            var user = UserFilter.Trim();
            query = Guid.TryParse(user, out var id) ? query.Where(e => e.UserId == id) : query.Where(e => e.UserName != null && e.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(ObjectFilter))
        {
            var value = ObjectFilter.Trim();
            query = query.Where(e => e.ObjectId == value || e.ObjectType == value);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.TimestampUtc >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.TimestampUtc < end);
        }

        return query;
    }

    private string Describe() => $"user={UserFilter};object={ObjectFilter};from={From};to={To}";
}
