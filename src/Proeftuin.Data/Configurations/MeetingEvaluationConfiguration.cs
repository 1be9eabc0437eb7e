using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class MeetingEvaluationConfiguration : IEntityTypeConfiguration<MeetingEvaluation>
{
    public void Configure(EntityTypeBuilder<MeetingEvaluation> builder)
    {
        builder.ToTable("MeetingEvaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Remark).HasMaxLength(MeetingEvaluation.MaxRemarkLength);

        // One evaluation per participant per meeting.
        builder.HasIndex(e => new { e.MeetingId, e.ProfessionalId }).IsUnique();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(e => e.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
