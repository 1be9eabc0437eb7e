using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// Everything Proeftuin keeps about one professional, for their right of access (AVG art. 15): their profile and mail
/// choices, their wijken, the recommendations they wrote or own (texts that passed the anonymisation guard when they
/// were written), the scores of their meeting evaluations and the audit entries of what they did. No case text, no
/// other person's name: an audit entry names only the object's type and id.
/// </summary>
public sealed class PersonalDataExport(ProeftuinDbContext db)
{
    public async Task<PersonalData?> ForAsync(Guid professionalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var professional = await db.Professionals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == professionalId, cancellationToken);
        if (professional is null)
        {
            return null;
        }

        var disabledTopics = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.ProfessionalId == professionalId && !p.Enabled).Select(p => p.Topic).ToListAsync(cancellationToken);
        var mail = Enum.GetValues<NotificationTopic>().Select(t => new MailPreferenceData(t.ToString(), !disabledTopics.Contains(t))).ToList();

        var memberships = await (
                from m in db.Memberships.AsNoTracking()
                join n in db.Neighbourhoods.AsNoTracking() on m.NeighbourhoodId equals n.Id
                where m.ProfessionalId == professionalId
                orderby n.Name
                select new MembershipData(n.Name, m.Role.ToString()))
            .ToListAsync(cancellationToken);

        var recommendations = await (
                from r in db.Recommendations.AsNoTracking()
                join n in db.Neighbourhoods.AsNoTracking() on r.NeighbourhoodId equals n.Id
                where r.CreatedById == professionalId || r.OwnerId == professionalId
                orderby r.CreatedAtUtc
                select new { r.Id, Neighbourhood = n.Name, r.Text, r.Status, r.Level, r.DueDate, r.CreatedAtUtc, r.CreatedById, r.OwnerId })
            .ToListAsync(cancellationToken);

        var evaluations = await db.MeetingEvaluations.AsNoTracking()
            .Where(e => e.ProfessionalId == professionalId)
            .OrderBy(e => e.SubmittedAtUtc)
            .Select(e => new EvaluationData(e.MeetingId, e.Score, e.SubmittedAtUtc))
            .ToListAsync(cancellationToken);

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.UserId == professionalId)
            .OrderBy(e => e.Sequence)
            .Select(e => new AuditData(e.TimestampUtc, e.Action, e.Outcome, e.ObjectType, e.ObjectId))
            .ToListAsync(cancellationToken);

        return new PersonalData(
            now,
            new ProfileData(professional.Id, professional.DisplayName, professional.Email, professional.Discipline.ToString(), professional.Organisation, mail),
            memberships,
            [.. recommendations.Select(r => new RecommendationData(
                r.Id, r.Neighbourhood, r.Text, r.Status.ToString(), r.Level.ToString(), r.DueDate, r.CreatedAtUtc,
                r.CreatedById == professionalId, r.OwnerId == professionalId))],
            evaluations,
            audit);
    }
}

public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    ProfileData Profile,
    IReadOnlyList<MembershipData> Memberships,
    IReadOnlyList<RecommendationData> Recommendations,
    IReadOnlyList<EvaluationData> MeetingEvaluations,
    IReadOnlyList<AuditData> AuditEntries);

public sealed record ProfileData(Guid Id, string Name, string Email, string Discipline, string? Organisation, IReadOnlyList<MailPreferenceData> MailPreferences);

public sealed record MailPreferenceData(string Topic, bool Enabled);

public sealed record MembershipData(string Neighbourhood, string Role);

/// <summary>A recommendation: <paramref name="Authored"/> when they wrote it, <paramref name="Owned"/> when they carry it out.</summary>
public sealed record RecommendationData(Guid Id, string Neighbourhood, string Text, string Status, string Level, DateOnly? DueDate, DateTime CreatedAtUtc, bool Authored, bool Owned);

/// <summary>The score of a meeting evaluation; the remark stays out, it may speak of a case.</summary>
public sealed record EvaluationData(Guid MeetingId, int Score, DateTime SubmittedAtUtc);

public sealed record AuditData(DateTime TimestampUtc, string Action, string Outcome, string? ObjectType, string? ObjectId);
