using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Configurations;

internal sealed class RecommendationThemeConfiguration : IEntityTypeConfiguration<RecommendationTheme>
{
    public void Configure(EntityTypeBuilder<RecommendationTheme> builder)
    {
        builder.ToTable("RecommendationThemes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(RecommendationTheme.MaxTitleLength).IsRequired();
        builder.Property(t => t.Synthesis).HasMaxLength(RecommendationTheme.MaxSynthesisLength).IsRequired();

        // The ids as a primitive collection (JSON on SQLite/SQL Server, an array on PostgreSQL), like a wijkafspraak's
        // source recommendations: a theme is read whole, never joined from the recommendation's side.
        builder.PrimitiveCollection(t => t.RecommendationIds).HasField("_recommendationIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(t => t.UpdatedAtUtc);
        builder.HasOne<Professional>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
