using Microsoft.EntityFrameworkCore.Design;
using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for PostgreSql without starting the web host. The connection string is
/// never opened when adding migrations; set PROEFTUIN_DESIGN_CONNECTION to apply them from the tool.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ProeftuinDbContext>
{
    public ProeftuinDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("PROEFTUIN_DESIGN_CONNECTION") ?? "Host=localhost;Database=proeftuin;Username=proeftuin";
        return new ProeftuinDbContext(ProeftuinDatabase.Options(new DatabaseSettings(DatabaseProvider.PostgreSql, connection)));
    }
}
