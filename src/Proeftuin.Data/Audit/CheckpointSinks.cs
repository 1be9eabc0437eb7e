using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Proeftuin.Data.Audit;

/// <summary>Somewhere outside the database that a checkpoint line can be appended to.</summary>
public interface ICheckpointSink
{
    Task WriteAsync(string line, CancellationToken cancellationToken);
}

/// <summary>
/// Appends checkpoint lines to a file and flushes them to disk before returning. Make the file append-only for the
/// app's user (<c>chattr +a</c>) or put it on another host's share: then the app can add lines but not take them back.
/// </summary>
public sealed class FileCheckpointSink(string path) : ICheckpointSink
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(string line, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Sends checkpoint lines to the local syslog daemon over its datagram socket (<c>/dev/log</c>), in the format glibc's
/// syslog(3) uses: facility authpriv, severity notice, tag <c>proeftuin-audit</c>. The daemon then keeps or forwards
/// them (e.g. to a remote log host) where the app cannot reach.
/// </summary>
public sealed class SyslogCheckpointSink(string socketPath, TimeProvider time) : ICheckpointSink
{
    /// <summary>authpriv (10) × 8 + notice (5).</summary>
    private const int Priority = (10 * 8) + 5;

    public async Task WriteAsync(string line, CancellationToken cancellationToken)
    {
        var stamp = time.GetLocalNow().ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (stamp[4] == '0')
        {
            // RFC 3164 pads a one-digit day with a space, not a zero.
            stamp = string.Concat(stamp.AsSpan(0, 4), " ", stamp.AsSpan(5));
        }

        var message = Encoding.UTF8.GetBytes($"<{Priority}>{stamp} proeftuin-audit[{Environment.ProcessId}]: {line}");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        await socket.SendAsync(message, SocketFlags.None, cancellationToken);
    }
}
