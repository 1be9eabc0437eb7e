using Microsoft.Extensions.Configuration;
using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Tests.Schema;

public sealed class Database_settings_are_checked
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Unknown_provider_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(
            () => DatabaseSettings.From(Config(("Database:Provider", "Oracle")), Path.GetTempPath()));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_provider_without_connection_string_is_refused()
    {
        var error = Assert.Throws<DatabaseConfigurationException>(
            () => DatabaseSettings.From(Config(("Database:Provider", "PostgreSql")), Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:Proeftuin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_without_connection_string_uses_a_file_in_the_data_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        try
        {
            var settings = DatabaseSettings.From(Config(), root);

            Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
            Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "proeftuin.db")}", settings.ConnectionString);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData(" sqlite ", DatabaseProvider.Sqlite)]
    public void Provider_names_are_case_insensitive(string text, DatabaseProvider expected)
    {
        var settings = DatabaseSettings.From(Config(("Database:Provider", text), ("ConnectionStrings:Proeftuin", "x")), Path.GetTempPath());

        Assert.Equal(expected, settings.Provider);
    }
}
