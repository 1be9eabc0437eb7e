using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;

namespace Proeftuin.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        ConcurrencyStamp.Configure(builder);
        builder.Property(m => m.Title).HasMaxLength(Meeting.MaxTitleLength).IsRequired();
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.CancellationReason).HasMaxLength(Meeting.MaxCancellationReasonLength);
        builder.Ignore(m => m.CurrentItem);
        builder.HasIndex(m => new { m.NeighbourhoodId, m.ScheduledStartUtc });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(m => m.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Agenda).HasField("_agenda").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
