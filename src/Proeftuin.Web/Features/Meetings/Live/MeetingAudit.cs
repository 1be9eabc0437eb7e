using Proeftuin.Core.Meetings;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// What the room discloses, as audit events that name each object (NEN 7513 asks for the object of every access): a
/// join logs the meeting and then every document its snapshot carried, one entry per case; a catch-up logs the
/// document whose operations it returned.
/// </summary>
public static class MeetingAudit
{
    public const string CaseObject = "CaseFile";
    public const string MinutesObject = "MeetingMinutes";

    public static IEnumerable<AuditEvent> Join(Meeting meeting, IEnumerable<DocumentState> disclosed)
    {
        yield return new AuditEvent("join", "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Member");
        foreach (var document in disclosed)
        {
            var (type, id) = Object(meeting.Id, document.DocumentId);
            yield return new AuditEvent("join", "success", type, id, meeting.NeighbourhoodId, "Member");
        }
    }

    public static AuditEvent CatchUp(Meeting meeting, string documentId, string outcome)
    {
        var (type, id) = Object(meeting.Id, documentId);
        return new AuditEvent("catch-up", outcome, type, id, meeting.NeighbourhoodId, outcome == "success" ? "Member" : null);
    }

    /// <summary>The audit object of a room document: a case (by its id) or the meeting's verslag (by the meeting's id).</summary>
    public static (string Type, string Id) Object(Guid meetingId, string documentId) =>
        documentId.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParseExact(documentId[5..], "N", out var caseId)
            ? (CaseObject, caseId.ToString())
            : (MinutesObject, meetingId.ToString());
}
