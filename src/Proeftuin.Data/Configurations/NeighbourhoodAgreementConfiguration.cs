using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class NeighbourhoodAgreementConfiguration : IEntityTypeConfiguration<NeighbourhoodAgreement>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodAgreement> builder)
    {
        builder.ToTable("NeighbourhoodAgreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(NeighbourhoodAgreement.MaxTitleLength).IsRequired();
        builder.Property(a => a.Text).HasMaxLength(NeighbourhoodAgreement.MaxTextLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<int>();

        // Optimistic concurrency: a stale herziening is refused instead of silently overwriting.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(a => a.SourceRecommendationIds).HasField("_sourceRecommendationIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.NeighbourhoodId, a.ReviewDate });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(a => a.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
