namespace Proeftuin.Testing;

/// <summary>
/// Waits for a condition that no event announces (a page's DOM, a row in the database). It re-checks often and gives
/// up only after a generous timeout, so a loaded machine makes a test slower, never red; the timeout names what did
/// not happen.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var pause = TimeSpan.FromMilliseconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {(timeout ?? DefaultTimeout).TotalSeconds:0} s in vain for: {what}");
            }

            // A short re-check interval, growing to at most 200 ms: this is no settle time, only how often to look.
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(200, pause.TotalMilliseconds * 2));
        }
    }
}
