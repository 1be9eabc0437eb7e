using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The meeting room: the page is the frame (agenda, forms, labels) and the browser client fills it live over the hub.
/// Only members of the meeting's wijk get it; the chair also gets the controls to lead the meeting.
/// </summary>
public sealed class RoomModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, IStringLocalizer<RoomText> text) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public string NeighbourhoodName { get; private set; } = string.Empty;

    public string NeighbourhoodSlug { get; private set; } = string.Empty;

    public bool IsChair { get; private set; }

    /// <summary>The signed-in user: the browser keeps unsent edits per user, so one never replays another's.</summary>
    public Guid UserId => access.UserId;

    public IReadOnlyList<RoomAgendaItem> Agenda { get; private set; } = [];

    /// <summary>Members of the wijk, who can own a recommendation.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    /// <summary>Every text of the room as JSON, for the browser client (a data block, not a script: the CSP holds).</summary>
    public string TextsJson { get; private set; } = "{}";

    public static IReadOnlyList<string> Pillars { get; } = ["ClientCentred", "AppropriateCare", "ProfessionalCoordination", "Preconditions"];

    public static IReadOnlyList<string> Levels { get; } = ["Case", "Neighbourhood", "City"];

    public static IReadOnlyList<string> Disciplines { get; } = [.. Enum.GetNames<Discipline>()];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var role = await access.RoleInAsync(meeting.NeighbourhoodId, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "MeetingRoom", id.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return Forbid();
        }

        Meeting = meeting;
        IsChair = role == MembershipRole.Chair;
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstAsync(n => n.Id == meeting.NeighbourhoodId, cancellationToken);
        (NeighbourhoodName, NeighbourhoodSlug) = (neighbourhood.Name, neighbourhood.Slug);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Title), cancellationToken);
        Agenda = [.. meeting.Agenda.Select(a => new RoomAgendaItem(a.Id, MeetingHub.CaseDocument(a.CaseFileId), cases[a.CaseFileId].Code, cases[a.CaseFileId].Title, a.TimeboxMinutes) { CaseFileId = a.CaseFileId })];
        Members = [.. (await (
                from m in db.Memberships.AsNoTracking()
                join p in db.Professionals.AsNoTracking() on m.ProfessionalId equals p.Id
                where m.NeighbourhoodId == meeting.NeighbourhoodId
                orderby p.DisplayName
                select new { p.Id, p.DisplayName })
            .ToListAsync(cancellationToken)).Select(p => (p.Id, p.DisplayName))];
        TextsJson = JsonSerializer.Serialize(text.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));
        await audit.RecordAsync(new AuditEvent("read", "success", "MeetingRoom", id.ToString(), meeting.NeighbourhoodId, IsChair ? "Chair" : "Member"), cancellationToken);
        return Page();
    }

    public string T(string key) => text[key];
}

public sealed record RoomAgendaItem(Guid Id, string DocumentId, string CaseCode, string CaseTitle, int TimeboxMinutes)
{
    /// <summary>The case, as the recommendation form's "for" select names it.</summary>
    public Guid CaseFileId { get; init; }
}
