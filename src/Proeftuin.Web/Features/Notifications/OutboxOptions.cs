namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// <c>Notifications:Outbox:*</c>. A claim's lease must outlast one send by far: a node that holds a message longer
/// than its lease may find it re-claimed by another (then the Message-ID lets the receiver recognise the duplicate).
/// </summary>
public sealed class OutboxOptions
{
    public const string Section = "Notifications:Outbox";

    /// <summary>How often an idle worker looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failure; doubled after each next one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is abandoned (and stays in the table for an operator).</summary>
    public int MaxAttempts { get; set; } = 8;

    public int BatchSize { get; set; } = 20;

    /// <summary>Off in tests that drive <see cref="OutboxDispatcher"/> themselves.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: FirstBackoff × 2^(n−1), at most MaxBackoff.</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(FirstBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
