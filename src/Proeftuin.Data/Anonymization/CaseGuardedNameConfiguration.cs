using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;

namespace Proeftuin.Data.Anonymization;

internal sealed class CaseGuardedNameConfiguration : IEntityTypeConfiguration<CaseGuardedName>
{
    public void Configure(EntityTypeBuilder<CaseGuardedName> builder)
    {
        builder.ToTable("CaseGuardedNames");
        builder.HasKey(g => new { g.CaseFileId, g.Hash });
        builder.Property(g => g.Hash).HasMaxLength(64);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(g => g.CaseFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
