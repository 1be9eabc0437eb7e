using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Audit;

namespace Proeftuin.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");

        // The sequence is assigned by the writer, not the database: the unique key keeps the chain linear even when
        // two nodes append at once (the loser retries on top of the winner).
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Discipline).HasMaxLength(64);
        builder.Property(e => e.Role).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ObjectType).HasMaxLength(64);
        builder.Property(e => e.ObjectId).HasMaxLength(128);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasMaxLength(16).IsRequired();
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        // Rows written before the key existed are SHA-256 (1); the migration AuditChainHmac gives them that value.
        builder.Property(e => e.ChainVersion);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.TimestampUtc);
        builder.HasIndex(e => new { e.UserId, e.TimestampUtc });
        builder.HasIndex(e => new { e.ObjectType, e.ObjectId });
    }
}
