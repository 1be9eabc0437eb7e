using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("CaseFiles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        ConcurrencyStamp.Configure(builder);
        builder.Property(c => c.Code).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(CaseFile.MaxTitleLength).IsRequired();
        builder.Property(c => c.AgeBand).HasConversion<int>();
        builder.Property(c => c.Status).HasConversion<int>();
        builder.Property(c => c.Text).IsRequired();
        builder.PrimitiveCollection(c => c.Themes).HasField("_themes").UsePropertyAccessMode(PropertyAccessMode.Field);

        // A case code is unique within its wijk (domain rule, kept by the database too).
        builder.HasIndex(c => new { c.NeighbourhoodId, c.Code }).IsUnique();
        builder.HasIndex(c => new { c.NeighbourhoodId, c.Status });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(c => c.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
