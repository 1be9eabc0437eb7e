using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Data.Collaboration;

internal sealed class QuarantinedOperationRecordConfiguration : IEntityTypeConfiguration<QuarantinedOperationRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedOperationRecord> builder)
    {
        builder.ToTable("QuarantinedOperations");
        builder.HasKey(o => new { o.DocumentId, o.Revision });
        builder.Property(o => o.DocumentId).HasMaxLength(DocumentOperationRecord.MaxDocumentIdLength);
        builder.Property(o => o.Revision).ValueGeneratedNever();
        builder.Property(o => o.Operation).IsRequired();
        builder.Property(o => o.ClientId).HasMaxLength(DocumentOperationRecord.MaxClientIdLength).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(QuarantinedOperationRecord.MaxReasonLength).IsRequired();
    }
}
