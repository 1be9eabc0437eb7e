using Microsoft.AspNetCore.SignalR;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>Registers every hub connection in <see cref="LiveConnections"/> while it is open, without touching the hubs themselves.</summary>
public sealed class LiveConnectionFilter(LiveConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await connections.ConnectedAsync(context.Context, context.Context.ConnectionAborted);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Disconnected(context.Context.ConnectionId);
        await next(context, exception);
    }
}
