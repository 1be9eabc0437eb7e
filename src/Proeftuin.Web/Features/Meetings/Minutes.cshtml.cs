using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The verslag of a meeting to read, print (to PDF from the browser) or download as Markdown: the final text once the
/// chair fixed it, before that the current draft. Members of the meeting's wijk only.
/// </summary>
public sealed class MinutesModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, MinutesTexts texts, MarkdownRenderer renderer) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public string NeighbourhoodName { get; private set; } = string.Empty;

    public MinutesText? Minutes { get; private set; }

    public IHtmlContent Html { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "Minutes", id.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return Forbid();
        }

        Meeting = meeting;
        NeighbourhoodName = await db.Neighbourhoods.Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Name).FirstAsync(cancellationToken);
        Minutes = await texts.ForMeetingAsync(id, cancellationToken);
        if (Minutes is not null)
        {
            Html = renderer.Render(Minutes.Full, 1);
        }

        await audit.RecordAsync(new AuditEvent("read", "success", "Minutes", id.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        return Page();
    }
}
