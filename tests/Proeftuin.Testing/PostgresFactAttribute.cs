using Xunit;

namespace Proeftuin.Testing;

/// <summary>A fact that needs the PostgreSQL server of scripts/test.sh. Skipped only outside CI when it is absent.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServers.SkipReason(TestServers.PostgresVariable);
}
