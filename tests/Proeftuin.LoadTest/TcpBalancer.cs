using System.Net;
using System.Net.Sockets;

namespace Proeftuin.LoadTest;

/// <summary>
/// A minimal TCP load balancer in front of several app nodes, as a reverse proxy is in production: each new client
/// connection goes to the next node that accepts it (round robin). A dead node refuses connections, so clients that
/// reconnect after it died land on the others. WebSockets pass through untouched.
/// </summary>
public sealed class TcpBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next;

    public TcpBalancer(IReadOnlyList<Uri> nodes)
    {
        _nodes = nodes;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            using var node = await ConnectToANodeAsync();
            if (node is null)
            {
                return;
            }

            await using var clientStream = client.GetStream();
            await using var nodeStream = node.GetStream();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PipeAsync(clientStream, nodeStream, done.Token);
            var down = PipeAsync(nodeStream, clientStream, done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
        }
    }

    private async Task<TcpClient?> ConnectToANodeAsync()
    {
        for (var attempt = 0; attempt < _nodes.Count; attempt++)
        {
            var target = _nodes[(int)((uint)Interlocked.Increment(ref _next) % _nodes.Count)];
            var node = new TcpClient { NoDelay = true };
            try
            {
                await node.ConnectAsync(target.Host, target.Port, _stop.Token);
                return node;
            }
            catch (SocketException)
            {
                node.Dispose();
            }
        }

        return null;
    }

    private static async Task PipeAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // One side closed or died: the other side is closed with it.
        }
    }
}
