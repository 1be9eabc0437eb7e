using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Tests.Schema;

/// <summary>
/// Each provider's migrations assembly matches the model: a change to an entity configuration without a new
/// migration for every provider fails here. No server is needed to compare the model with the snapshot.
/// </summary>
public sealed class Model_has_no_pending_changes
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=unused;TrustServerCertificate=True")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=unused;Database=unused")]
    public void For_provider(DatabaseProvider provider, string connectionString)
    {
        using var db = new ProeftuinDbContext(ProeftuinDatabase.Options(new DatabaseSettings(provider, connectionString)));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes without a migration for {provider}: run dotnet ef migrations add for each provider.");
    }
}
