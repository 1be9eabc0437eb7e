using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Proeftuin.LoadTest;

/// <summary>The figures of one run, in the JSON shape docs/performance.md and CI read.</summary>
public sealed record LoadResult(
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("ops")] int Ops,
    [property: JsonPropertyName("p50_ms")] double P50,
    [property: JsonPropertyName("p95_ms")] double P95,
    [property: JsonPropertyName("p99_ms")] double P99,
    [property: JsonPropertyName("max_ms")] double Max,
    [property: JsonPropertyName("lost")] long Lost,
    [property: JsonPropertyName("diverged_rooms")] int DivergedRooms,
    [property: JsonPropertyName("server_cpu_us_per_op")] double? ServerCpuMicrosecondsPerOp,
    [property: JsonPropertyName("server_peak_rss_mb")] double? ServerPeakRssMegabytes)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"{Clients} clients, {Ops} ops: p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms; lost {Lost}, diverged rooms {DivergedRooms}; server {ServerCpuMicrosecondsPerOp:F0} µs CPU/op, peak RSS {ServerPeakRssMegabytes:F0} MB");
}
