using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Audit;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Anonymization;
using Proeftuin.Data.Identity;

namespace Proeftuin.Data;

/// <summary>The one database of Proeftuin: domain, identity, audit and collaboration logs, data-protection keys.</summary>
public sealed class ProeftuinDbContext(DbContextOptions<ProeftuinDbContext> options)
    : IdentityDbContext<ProeftuinUser, ProeftuinRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and tokens, shared by every node so a cookie of one works on the other.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Browser sessions kept on the server (the cookie holds only the key).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();

    public DbSet<Professional> Professionals => Set<Professional>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Attendance> Attendance => Set<Attendance>();

    public DbSet<MeetingEvaluation> MeetingEvaluations => Set<MeetingEvaluation>();

    public DbSet<WritingRound> WritingRounds => Set<WritingRound>();

    public DbSet<MeetingMinutes> MeetingMinutes => Set<MeetingMinutes>();

    public DbSet<Core.SocialMap.SocialMapEntry> SocialMapEntries => Set<Core.SocialMap.SocialMapEntry>();

    public DbSet<Core.SocialMap.SocialMapService> SocialMapServices => Set<Core.SocialMap.SocialMapService>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationProgress> RecommendationProgress => Set<RecommendationProgress>();

    public DbSet<NeighbourhoodAgreement> NeighbourhoodAgreements => Set<NeighbourhoodAgreement>();

    /// <summary>The earlier versions of the wijkafspraken, one row per herziening.</summary>
    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();

    public DbSet<RecommendationTheme> RecommendationThemes => Set<RecommendationTheme>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CaseFindingDismissal> CaseFindingDismissals => Set<CaseFindingDismissal>();

    public DbSet<CaseGuardedName> CaseGuardedNames => Set<CaseGuardedName>();

    /// <summary>Mails to send, written with the change that causes them (see Notifications/OutboxMessage).</summary>
    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();

    public DbSet<Notifications.NotificationPreference> NotificationPreferences => Set<Notifications.NotificationPreference>();

    public DbSet<Notifications.MeetingCalendar> MeetingCalendars => Set<Notifications.MeetingCalendar>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProeftuinDbContext).Assembly);

        // OpenIddict's applications, authorizations, scopes and tokens, with Guid keys like the rest.
        builder.UseOpenIddict<Guid>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Configurations.ConcurrencyStamp.Stamp(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Configurations.ConcurrencyStamp.Stamp(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite and SQL Server hand back 'Unspecified', which Npgsql would refuse to write.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
