using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Data.Configurations;

internal sealed class WritingRoundConfiguration : IEntityTypeConfiguration<WritingRound>
{
    public void Configure(EntityTypeBuilder<WritingRound> builder)
    {
        builder.ToTable("WritingRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Prompt).HasMaxLength(WritingRound.MaxPromptLength).IsRequired();
        builder.Ignore(r => r.IsRevealed);
        builder.HasIndex(r => new { r.MeetingId, r.OpenedAtUtc });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
