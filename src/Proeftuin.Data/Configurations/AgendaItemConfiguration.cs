using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Phase).HasConversion<int>();
        builder.HasIndex(a => new { a.MeetingId, a.CaseFileId }).IsUnique();
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(a => a.CaseFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
