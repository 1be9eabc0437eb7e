namespace Proeftuin.Testing;

/// <summary>
/// The database and cache servers scripts/test.sh started for this run, read from the environment.
/// In CI (CI=true) a missing server is an error, never a silent skip.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "PROEFTUIN_TEST_POSTGRES";
    public const string RedisVariable = "PROEFTUIN_TEST_REDIS";

    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable);

    public static string? Redis => Environment.GetEnvironmentVariable(RedisVariable);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a test that needs <paramref name="variable"/> cannot run here, or null when it can.</summary>
    public static string? SkipReason(string variable) =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)) || InCi
            ? null
            : $"{variable} is not set: run scripts/test.sh, which starts the server.";
}
