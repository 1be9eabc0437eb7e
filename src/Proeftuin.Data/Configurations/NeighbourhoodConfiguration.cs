using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Neighbourhoods;

namespace Proeftuin.Data.Configurations;

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> builder)
    {
        builder.ToTable("Neighbourhoods");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Name).HasMaxLength(Neighbourhood.MaxNameLength).IsRequired();
        builder.Property(n => n.Slug).HasMaxLength(Neighbourhood.MaxNameLength).IsRequired();
        builder.Property(n => n.CaseCodePrefix).HasMaxLength(4).IsRequired();
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.HasIndex(n => n.CaseCodePrefix).IsUnique();
    }
}
