using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Anonymization;

internal sealed class CaseFindingDismissalConfiguration : IEntityTypeConfiguration<CaseFindingDismissal>
{
    public void Configure(EntityTypeBuilder<CaseFindingDismissal> builder)
    {
        builder.ToTable("CaseFindingDismissals");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Category).HasConversion<int>();
        builder.Property(d => d.TextHash).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Reason).HasMaxLength(Core.Anonymization.FindingDismissal.MaxReasonLength).IsRequired();
        builder.HasIndex(d => d.CaseFileId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(d => d.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(d => d.DismissedById).OnDelete(DeleteBehavior.Restrict);
    }
}
