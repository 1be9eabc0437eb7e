using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Proeftuin.Web.Infrastructure.Telemetry;

/// <summary>
/// What operators watch of the live meetings: open hub connections, operations applied per second (a counter), the
/// server-side time of a submission (a histogram), and traces of each submission. Counts and durations only — never
/// a name, a case or a text.
/// </summary>
public sealed class LiveMetrics : IDisposable
{
    public const string Name = "Proeftuin.Live";

    public static readonly ActivitySource Tracing = new(Name);

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _submitDuration;

    public LiveMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _connections = _meter.CreateUpDownCounter<long>("proeftuin.hub.connections", description: "Open connections to the meeting hub on this node.");
        _operations = _meter.CreateCounter<long>("proeftuin.operations.applied", description: "Text operations applied and written to the op log.");
        _submitDuration = _meter.CreateHistogram<double>("proeftuin.operation.submit.duration", "ms", "Server time from receiving a submission to its acknowledgement.");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Applied(TimeSpan took)
    {
        _operations.Add(1);
        _submitDuration.Record(took.TotalMilliseconds);
    }

    public void Dispose() => _meter.Dispose();
}
