using System.Reflection;
using Proeftuin.Data.Providers;
using Xunit.Sdk;

namespace Proeftuin.Testing;

/// <summary>
/// Runs a theory once per database provider that can run here: SQLite always, PostgreSQL when scripts/test.sh started
/// it (and always in CI, where its absence is an error).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (TestServers.SkipReason(TestServers.PostgresVariable) is null)
        {
            yield return [DatabaseProvider.PostgreSql];
        }
    }
}
