using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Data.Collaboration;

internal sealed class DocumentOperationRecordConfiguration : IEntityTypeConfiguration<DocumentOperationRecord>
{
    public void Configure(EntityTypeBuilder<DocumentOperationRecord> builder)
    {
        builder.ToTable("DocumentOperations");
        builder.HasKey(o => new { o.DocumentId, o.Revision });
        builder.Property(o => o.DocumentId).HasMaxLength(DocumentOperationRecord.MaxDocumentIdLength);
        builder.Property(o => o.Revision).ValueGeneratedNever();
        builder.Property(o => o.Operation).IsRequired();
        builder.Property(o => o.ClientId).HasMaxLength(DocumentOperationRecord.MaxClientIdLength).IsRequired();
        builder.HasIndex(o => new { o.DocumentId, o.ClientId, o.ClientSeq });
    }
}
