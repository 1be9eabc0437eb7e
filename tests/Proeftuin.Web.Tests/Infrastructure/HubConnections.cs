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

    /// <summary>Long polling through the in-memory test server; <paramref name="token"/> null for an anonymous caller.</summary>
    public static HubConnection Build(WebApplicationFactory<Program> factory, string? token, bool messagePack = false, string path = MeetingHub.Path)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
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
