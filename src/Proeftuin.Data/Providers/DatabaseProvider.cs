namespace Proeftuin.Data.Providers;

/// <summary>The database engines Proeftuin runs on; chosen by the setting <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
