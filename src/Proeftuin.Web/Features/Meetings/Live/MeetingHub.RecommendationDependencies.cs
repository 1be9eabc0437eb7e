namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>The names MeetingHub.Recommendations.cs uses, until it calls a recommendations service (issue 16).</summary>
public sealed partial class MeetingHub
{
    private Data.ProeftuinDbContext db => meetings.Recommendations.Db;

    private Infrastructure.Authorization.WijkAccess access => meetings.Recommendations.Access;

    private Presence presence => meetings.Recommendations.Presence;

    private Anonymization.TextGuard textGuard => meetings.Recommendations.TextGuard;

    private Infrastructure.Audit.AuditLog audit => meetings.Recommendations.Audit;

    private TimeProvider time => meetings.Recommendations.Time;
}
