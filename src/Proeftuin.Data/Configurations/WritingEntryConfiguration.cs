using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class WritingEntryConfiguration : IEntityTypeConfiguration<WritingEntry>
{
    public void Configure(EntityTypeBuilder<WritingEntry> builder)
    {
        builder.ToTable("WritingEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Text).HasMaxLength(WritingRound.MaxEntryLength).IsRequired();

        // One answer per participant per round; rewriting replaces it.
        builder.HasIndex(e => new { e.RoundId, e.AuthorId }).IsUnique();
        builder.HasOne<Professional>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
