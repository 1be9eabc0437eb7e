using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => new { m.ProfessionalId, m.NeighbourhoodId });
        builder.Property(m => m.Role).HasConversion<int>();
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(m => m.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.NeighbourhoodId);
    }
}
