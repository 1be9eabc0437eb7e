using Microsoft.AspNetCore.SignalR.Client;

namespace Proeftuin.Testing.Live;

/// <summary>
/// Records the messages one SignalR event brings, safe for the callbacks that arrive on other threads, and lets a test
/// wait until what arrived satisfies a condition (no fixed sleeps: the wait ends the moment the message is there).
/// </summary>
/// <example><code>var cursors = Received&lt;CursorBroadcast&gt;.On(kevin, nameof(IMeetingClient.CursorMoved));
/// var first = await cursors.FirstAsync(c =&gt; c.UserId == joost);</code></example>
public sealed class Received<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _next = NewSignal();

    /// <summary>Starts recording the event <paramref name="method"/> of <paramref name="connection"/>.</summary>
    public static Received<T> On(HubConnection connection, string method)
    {
        var received = new Received<T>();
        connection.On<T>(method, received.Add);
        return received;
    }

    /// <summary>A copy of everything received so far, in arrival order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _items.Add(item);
            signal = _next;
            _next = NewSignal();
        }

        signal.SetResult();
    }

    /// <summary>Waits until everything received so far satisfies <paramref name="condition"/>; returns that list.</summary>
    public async Task<IReadOnlyList<T>> UntilAsync(Func<IReadOnlyList<T>, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Eventually.DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        while (true)
        {
            Task arrival;
            List<T> items;
            lock (_gate)
            {
                arrival = _next.Task;
                items = [.. _items];
            }

            if (condition(items))
            {
                return items;
            }

            try
            {
                await arrival.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s in vain for {typeof(T).Name}: {what} (received {items.Count}).");
            }
        }
    }

    /// <summary>Waits for the first message that matches <paramref name="match"/> (perhaps one that already arrived).</summary>
    public async Task<T> FirstAsync(Func<T, bool> match, string what, TimeSpan? timeout = null) =>
        (await UntilAsync(items => items.Any(match), what, timeout)).First(match);

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public Task<IReadOnlyList<T>> CountAsync(int count, TimeSpan? timeout = null) =>
        UntilAsync(items => items.Count >= count, $"at least {count}", timeout);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
