using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> builder)
    {
        builder.ToTable("AgreementRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PreviousTitle).HasMaxLength(NeighbourhoodAgreement.MaxTitleLength).IsRequired();
        builder.Property(r => r.PreviousText).HasMaxLength(NeighbourhoodAgreement.MaxTextLength).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(AgreementRevision.MaxReasonLength).IsRequired();

        // The history page reads one agreement's revisions newest first; the register counts them per agreement.
        builder.HasIndex(r => new { r.AgreementId, r.RevisedAtUtc });
        builder.HasOne<NeighbourhoodAgreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(r => r.RevisedById).OnDelete(DeleteBehavior.Restrict);
    }
}
