using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.DeduplicationKey).HasMaxLength(OutboxMessage.MaxKeyLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.MaxOwnerLength);

        // A scheduled mail (reminder, digest) exists once, whichever node enqueued it first.
        builder.HasIndex(m => m.DeduplicationKey).IsUnique();

        // The worker's question: unsent, not abandoned, due.
        builder.HasIndex(m => new { m.SentAtUtc, m.AbandonedAtUtc, m.NextAttemptAtUtc });
        builder.HasOne<Professional>().WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.ProfessionalId, p.Topic });
        builder.Property(p => p.Topic).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Professional>().WithMany().HasForeignKey(p => p.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingCalendarConfiguration : IEntityTypeConfiguration<MeetingCalendar>
{
    public void Configure(EntityTypeBuilder<MeetingCalendar> builder)
    {
        builder.ToTable("MeetingCalendars");
        builder.HasKey(c => c.MeetingId);
        builder.Property(c => c.MeetingId).ValueGeneratedNever();
        builder.HasOne<Meeting>().WithOne().HasForeignKey<MeetingCalendar>(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
