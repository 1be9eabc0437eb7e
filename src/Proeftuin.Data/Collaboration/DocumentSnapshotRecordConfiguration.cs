using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Data.Collaboration;

internal sealed class DocumentSnapshotRecordConfiguration : IEntityTypeConfiguration<DocumentSnapshotRecord>
{
    public void Configure(EntityTypeBuilder<DocumentSnapshotRecord> builder)
    {
        builder.ToTable("DocumentSnapshots");
        builder.HasKey(s => new { s.DocumentId, s.Revision });
        builder.Property(s => s.DocumentId).HasMaxLength(DocumentOperationRecord.MaxDocumentIdLength);
        builder.Property(s => s.Revision).ValueGeneratedNever();
        builder.Property(s => s.Text).IsRequired();
    }
}
