using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>Real SignalR connections to the test server's meeting hub, authenticated with a real OpenID Connect token.</summary>
public static class HubConnections
{
    public static async Task<HubConnection> ConnectAsync(WebApplicationFactory<Program> factory, string email, bool messagePack = false)
    {
        var token = await Tokens.ForProfessionalAsync(factory, email);
        var connection = Build(factory, token, messagePack);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Long polling through the in-memory test server; <paramref name="token"/> null for an anonymous caller.</summary>
    public static HubConnection Build(WebApplicationFactory<Program> factory, string? token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, MeetingHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol(options => options.SerializerOptions = MeetingProtocol.MessagePackOptions);
        }

        return builder.Build();
    }
}
