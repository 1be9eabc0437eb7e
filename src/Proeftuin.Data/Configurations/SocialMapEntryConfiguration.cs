using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.SocialMap;

namespace Proeftuin.Data.Configurations;

internal sealed class SocialMapEntryConfiguration : IEntityTypeConfiguration<SocialMapEntry>
{
    public void Configure(EntityTypeBuilder<SocialMapEntry> builder)
    {
        builder.ToTable("SocialMapEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Practice).HasMaxLength(SocialMapEntry.MaxPracticeLength).IsRequired();
        builder.Property(e => e.Reach).HasMaxLength(SocialMapEntry.MaxReachLength).IsRequired();
        builder.Property(e => e.Availability).HasMaxLength(SocialMapEntry.MaxAvailabilityLength);

        // One entry per professional per wijk: the professional keeps it up to date.
        builder.HasIndex(e => new { e.NeighbourhoodId, e.ProfessionalId }).IsUnique();
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(e => e.NeighbourhoodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(e => e.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}
