using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file with the demo data, as a newcomer gets it on first run.
/// </summary>
public sealed class ProeftuinWebFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "proeftuin-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", _dataFolder);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("ConnectionStrings:Proeftuin", string.Empty);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
