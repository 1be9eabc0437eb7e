using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Professionals;
using Proeftuin.Data.Identity;

namespace Proeftuin.Data.Configurations;

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> builder)
    {
        builder.ToTable("Professionals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasMaxLength(Professional.MaxNameLength).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256).IsRequired();
        builder.Property(p => p.Organisation).HasMaxLength(Professional.MaxOrganisationLength);
        builder.Property(p => p.Discipline).HasConversion<int>();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasMany(p => p.Memberships).WithOne().HasForeignKey(m => m.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Memberships).HasField("_memberships").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The account shares the professional's id: deleting the account removes the professional's login only.
        builder.HasOne<ProeftuinUser>().WithOne().HasForeignKey<Professional>(p => p.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
