using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Configurations;

internal sealed class RecommendationProgressConfiguration : IEntityTypeConfiguration<RecommendationProgress>
{
    public void Configure(EntityTypeBuilder<RecommendationProgress> builder)
    {
        builder.ToTable("RecommendationProgress");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Note).HasMaxLength(RecommendationProgress.MaxNoteLength);
        builder.Property(p => p.FromStatus).HasConversion<int?>();
        builder.Property(p => p.ToStatus).HasConversion<int?>();
        builder.HasIndex(p => new { p.RecommendationId, p.AtUtc });

        // The history belongs to its recommendation: deleting a recommendation in the room takes its history along.
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(p => p.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
