using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// Meetings over HTTP: members of a wijk see its meetings and their agenda; the chair of the wijk plans one (title,
/// date, the cases on the agenda with their timeboxes). Everything live happens in the hub.
/// </summary>
public static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Meetings");
        group.MapGet("/neighbourhoods/{neighbourhoodId:guid}/meetings", ListAsync);
        group.MapPost("/neighbourhoods/{neighbourhoodId:guid}/meetings", PlanAsync);
        group.MapGet("/meetings/{meetingId:guid}", ReadAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummaryDto>>, ProblemHttpResult>> ListAsync(
        Guid neighbourhoodId, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await access.IsMemberAsync(neighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "MeetingList", NeighbourhoodId: neighbourhoodId), cancellationToken);
            return ProblemResults.Forbidden();
        }

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.NeighbourhoodId == neighbourhoodId)
            .OrderByDescending(m => m.ScheduledStartUtc)
            .Select(m => new MeetingSummaryDto(m.Id, m.Title, m.ScheduledStartUtc, m.Status.ToString(), m.Agenda.Count))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "MeetingList", NeighbourhoodId: neighbourhoodId, Role: "Member"), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeetingSummaryDto>>(meetings);
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> ReadAsync(
        Guid meetingId, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return ProblemResults.NotFound("Deze bespreking");
        }

        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "Meeting", meetingId.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return ProblemResults.Forbidden();
        }

        await audit.RecordAsync(new AuditEvent("read", "success", "Meeting", meetingId.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(await ToDtoAsync(meeting, db, cancellationToken));
    }

    /// <summary>Plans a meeting; only the chair of the wijk may. The whole agenda is checked before anything is saved.</summary>
    private static async Task<Results<Created<MeetingDto>, ProblemHttpResult>> PlanAsync(
        Guid neighbourhoodId, PlanMeetingRequest request, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await MeetingPlanning.MayPlanAsync(neighbourhoodId, access, audit, cancellationToken))
        {
            return ProblemResults.Forbidden();
        }

        Meeting meeting;
        try
        {
            meeting = await MeetingPlanning.PlanAsync(neighbourhoodId, request.Title, request.ScheduledStart.UtcDateTime, request.Agenda ?? [], db, access, audit, cancellationToken);
        }
        catch (DomainException error)
        {
            return ProblemResults.Rule(error, StatusCodes.Status400BadRequest);
        }

        return TypedResults.Created($"/api/meetings/{meeting.Id}", await ToDtoAsync(meeting, db, cancellationToken));
    }

    private static async Task<MeetingDto> ToDtoAsync(Meeting meeting, ProeftuinDbContext db, CancellationToken cancellationToken)
    {
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var cases = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Title), cancellationToken);
        return new MeetingDto(
            meeting.Id, meeting.NeighbourhoodId, meeting.Title, meeting.ScheduledStartUtc, meeting.Status.ToString(),
            [.. meeting.Agenda.Select(a => new AgendaItemDto(a.Id, a.CaseFileId, cases[a.CaseFileId].Code, cases[a.CaseFileId].Title, a.Position, a.TimeboxMinutes))]);
    }
}

public sealed record PlanMeetingRequest(string? Title, DateTimeOffset ScheduledStart, IReadOnlyList<PlannedAgendaItem>? Agenda);

public sealed record PlannedAgendaItem(Guid CaseId, int TimeboxMinutes);

public sealed record MeetingSummaryDto(Guid Id, string Title, DateTime ScheduledStartUtc, string Status, int AgendaItems);

public sealed record MeetingDto(Guid Id, Guid NeighbourhoodId, string Title, DateTime ScheduledStartUtc, string Status, IReadOnlyList<AgendaItemDto> Agenda);

public sealed record AgendaItemDto(Guid Id, Guid CaseId, string CaseCode, string CaseTitle, int Position, int TimeboxMinutes);
