using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The verslag of a meeting for the wijk's members: a finding judged "geen identificerend gegeven"
/// (<see cref="MinutesDismissals"/>), and the verslag as a file: Markdown, a page to print or save as PDF, a Word
/// document, or the meeting's recommendations as CSV (<c>?sep=semicolon</c> for Dutch Excel). A draft's file name
/// says "concept". While the verslag holds an open anonymisation finding no format is served (409). Every export, and every refusal, is audit-logged.
/// </summary>
public static class MinutesEndpoints
{
    public static RouteGroupBuilder MapMinutes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Meetings");
        group.MapGet("/{meetingId:guid}/minutes.md", (Guid meetingId, MinutesExport export, CancellationToken cancellationToken) =>
            export.FileAsync(meetingId, ExportFormat.Markdown, null, cancellationToken));
        group.MapGet("/{meetingId:guid}/minutes.csv", (Guid meetingId, string? sep, MinutesExport export, CancellationToken cancellationToken) =>
            export.FileAsync(meetingId, ExportFormat.Csv, sep, cancellationToken));
        group.MapGet("/{meetingId:guid}/minutes.html", (Guid meetingId, MinutesExport export, CancellationToken cancellationToken) =>
            export.FileAsync(meetingId, ExportFormat.Html, null, cancellationToken));
        group.MapGet("/{meetingId:guid}/minutes.docx", (Guid meetingId, MinutesExport export, CancellationToken cancellationToken) =>
            export.FileAsync(meetingId, ExportFormat.Docx, null, cancellationToken));
        group.MapPost("/{meetingId:guid}/minutes/dismissals", (Guid meetingId, MinutesDismissalRequest request, MinutesDismissals dismissals, CancellationToken cancellationToken) =>
            dismissals.DismissAsync(meetingId, request, cancellationToken));
        return group;
    }
}

/// <summary>One export of a verslag: membership first, then the text as it stands (final, or the latest draft).</summary>
public sealed class MinutesExport(
    ProeftuinDbContext db, MemberMinutes member, RecommendationCompilation recommendations, TextGuard guard, MarkdownRenderer markdown, AuditLog audit)
{
    public async Task<Results<ExportFile, ProblemHttpResult>> FileAsync(Guid meetingId, ExportFormat format, string? sep, CancellationToken cancellationToken)
    {
        var found = await member.ForAsync(meetingId, "export", cancellationToken);
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var (meeting, minutes) = (found.Meeting!, found.Minutes!);

        // Nothing possibly identifying leaves in a file, whatever the format; a final verslag was checked when it was
        // made final, but guarded names may have been added since.
        var verdict = await guard.CheckMinutesAsync(meetingId, minutes.Text, cancellationToken);
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("export", "denied", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
            return verdict.Problem();
        }

        byte[] bytes;
        if (format == ExportFormat.Csv)
        {
            bytes = CsvExport.Write(await ExportScreen.ScreenAsync(await recommendations.ForMeetingAsync(meetingId, cancellationToken), guard, cancellationToken), CsvTable.Separator(sep));
        }
        else
        {
            var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Name).FirstAsync(cancellationToken);
            var state = minutes.IsFinal ? $"Definitief (versie {minutes.Revision})" : $"Concept (versie {minutes.Revision})";
            bytes = TextExport.Write(format, $"Verslag: {meeting.Title}", $"{neighbourhood}, {Compilation.Date(meeting.HeldAtUtc)}. {state}.", minutes.Full, markdown);
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "Minutes", meetingId.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        return new ExportFile(bytes, format, $"verslag-{FileDate(meeting.HeldAtUtc)}{(minutes.IsFinal ? string.Empty : "-concept")}");
    }

    /// <summary>The meeting's one date (the day it was held, Amsterdam time), sortable for a file name.</summary>
    public static string FileDate(DateTime heldAtUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(heldAtUtc, Infrastructure.Localization.AmsterdamTime.Zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
