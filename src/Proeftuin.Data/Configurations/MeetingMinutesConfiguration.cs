using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> builder)
    {
        builder.ToTable("MeetingMinutes");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.GeneratedText).HasMaxLength(MeetingMinutes.MaxTextLength).IsRequired();
        builder.Property(m => m.FinalText).HasMaxLength(MeetingMinutes.MaxTextLength);
        builder.Ignore(m => m.IsFinal);

        // One verslag per meeting.
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(m => m.FinalisedById).OnDelete(DeleteBehavior.Restrict);
    }
}
