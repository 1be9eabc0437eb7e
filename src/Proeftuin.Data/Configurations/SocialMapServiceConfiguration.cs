using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.SocialMap;

namespace Proeftuin.Data.Configurations;

internal sealed class SocialMapServiceConfiguration : IEntityTypeConfiguration<SocialMapService>
{
    public void Configure(EntityTypeBuilder<SocialMapService> builder)
    {
        builder.ToTable("SocialMapServices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SocialMapService.MaxNameLength).IsRequired();
        builder.Property(s => s.KindOfHelp).HasConversion<int>();
        builder.Property(s => s.HowToRefer).HasMaxLength(SocialMapService.MaxHowToReferLength).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(SocialMapService.MaxPhoneLength);
        builder.Property(s => s.Website).HasMaxLength(SocialMapService.MaxWebsiteLength);
        builder.Property(s => s.OpeningHours).HasMaxLength(SocialMapService.MaxOpeningHoursLength);
        builder.Property(s => s.Description).HasMaxLength(SocialMapService.MaxDescriptionLength);
        // A form posted with an older version saves nothing: someone else changed the service in between.
        builder.Property(s => s.Version).IsConcurrencyToken();

        // The page lists a wijk's services by kind, then name.
        builder.HasIndex(s => new { s.NeighbourhoodId, s.KindOfHelp, s.Name });
        builder.HasOne<Neighbourhood>().WithMany().HasForeignKey(s => s.NeighbourhoodId).OnDelete(DeleteBehavior.Cascade);
    }
}
