using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Data.Configurations;

/// <summary>
/// Optimistic concurrency for the rows two people can change at once (a meeting two chairs' tabs close together, a case
/// a close freezes while another request edits it): a shadow <c>Version</c> column, a new guid on every update, and
/// every UPDATE checks the version it read. The loser gets <see cref="DbUpdateConcurrencyException"/> instead of
/// silently overwriting. A guid rather than rowversion/xmin, so the three providers behave alike.
/// </summary>
internal static class ConcurrencyStamp
{
    public const string Property = "Version";

    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<Guid>(Property).IsConcurrencyToken();

    /// <summary>Gives every modified meeting and case a new version before it is written.</summary>
    public static void Stamp(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Entity is Meeting or CaseFile)
            {
                entry.Property(Property).CurrentValue = Guid.NewGuid();
            }
        }
    }
}
