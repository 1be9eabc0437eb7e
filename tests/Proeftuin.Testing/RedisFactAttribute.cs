using Xunit;

namespace Proeftuin.Testing;

/// <summary>A fact that needs the Redis server of scripts/test.sh. Skipped only outside CI when it is absent.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = TestServers.SkipReason(TestServers.RedisVariable);
}
