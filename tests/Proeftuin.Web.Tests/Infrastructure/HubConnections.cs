using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>Real SignalR connections to the test server's meeting hub, authenticated with a real OpenID Connect token.</summary>
public static class HubConnections
{
    public static async Task<HubConnection> ConnectAsync(WebApplicationFactory<Program> factory, string email, bool messagePack = false, string path = MeetingHub.Path)
    {
        var token = await Tokens.ForProfessionalAsync(factory, email);
        var connection = Build(factory, token, messagePack, path);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// A WebSocket through the in-memory test server, as browsers connect; <paramref name="token"/> null for an anonymous
    /// caller. The token goes in the upgrade request's Authorization header and is checked once, at the upgrade, so every
    /// invocation after that is a frame on the socket and not an HTTP request that decrypts the token again.
    /// </summary>
    public static HubConnection Build(WebApplicationFactory<Program> factory, string? token, bool messagePack = false, string path = MeetingHub.Path)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = factory.Server.CreateWebSocketClient();
                    if (token is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    }

                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            });
        // A loaded machine may leave a connection silent for longer than the defaults allow; the room's behaviour under
        // test does not depend on how soon a dead connection is noticed.
        builder.WithServerTimeout(TimeSpan.FromMinutes(2));
        if (messagePack)
        {
            builder.AddMessagePackProtocol(options => options.SerializerOptions = MeetingProtocol.MessagePackOptions);
        }

        var connection = builder.Build();
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        return connection;
    }
}
