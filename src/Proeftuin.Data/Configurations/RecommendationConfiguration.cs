using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(Recommendation.MaxTextLength).IsRequired();
        builder.Property(r => r.Pillars).HasConversion<int>();
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.Status).HasConversion<int>();
        builder.PrimitiveCollection(r => r.AddressedTo).HasField("_addressedTo").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Optimistic concurrency: a stale edit is refused instead of silently overwriting.
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasIndex(r => new { r.NeighbourhoodId, r.CreatedAtUtc });
        builder.HasIndex(r => r.MeetingId);
        // Covers the coordinator's counts, matrix, follow-up, order and every filter but the text: the list and the charts
        // read this narrow index instead of 50 000 rows with their texts (docs/performance.md). It replaces an index on
        // status and due date, which SQLite's planner preferred for the follow-up and then read every row behind it.
        builder.HasIndex(r => new { r.NeighbourhoodId, r.Pillars, r.MeetingId, r.CreatedAtUtc, r.Status, r.Level, r.OwnerId, r.DueDate, r.Id })
            .HasDatabaseName("IX_Recommendations_Coordination");
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(r => r.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(r => r.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
