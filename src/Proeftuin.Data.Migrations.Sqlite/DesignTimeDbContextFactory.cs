using Microsoft.EntityFrameworkCore.Design;
using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for Sqlite without starting the web host. The connection string is
/// never opened when adding migrations; set PROEFTUIN_DESIGN_CONNECTION to apply them from the tool.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProeftuinDbContext>
{
    public ProeftuinDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("PROEFTUIN_DESIGN_CONNECTION") ?? "Data Source=design-time.db";
        return new ProeftuinDbContext(ProeftuinDatabase.Options(new DatabaseSettings(DatabaseProvider.Sqlite, connection)));
    }
}
