using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>The verslag of a meeting as a Markdown file, for the wijk's members; every export is audit-logged.</summary>
public static class MinutesEndpoints
{
    public static RouteGroupBuilder MapMinutesExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Meetings");
        group.MapGet("/{meetingId:guid}/minutes.md", MarkdownAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MarkdownAsync(
        Guid meetingId, ProeftuinDbContext db, WijkAccess access, MinutesTexts texts, AuditLog audit, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return ProblemResults.NotFound("Deze bespreking");
        }

        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("export", "denied", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return ProblemResults.Forbidden();
        }

        var minutes = await texts.ForMeetingAsync(meetingId, cancellationToken);
        if (minutes is null)
        {
            return ProblemResults.NotFound("Het verslag van deze bespreking");
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        var name = $"verslag-{meeting.ScheduledStartUtc:yyyy-MM-dd}{(minutes.IsFinal ? string.Empty : "-concept")}.md";
        return TypedResults.File(Encoding.UTF8.GetBytes(minutes.Text), "text/markdown; charset=utf-8", name);
    }
}
