using Microsoft.AspNetCore.SignalR;

namespace Proeftuin.Web.Infrastructure.Audit;

/// <summary>
/// Gives the <see cref="AuditLog"/> of every hub invocation its caller: the connection's user and request. The
/// request's <see cref="IHttpContextAccessor"/> does not flow into hub calls on every transport (long polling runs
/// them outside the request that carries the user), and an audit entry without its user proves nothing.
/// </summary>
public sealed class AuditHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        invocationContext.ServiceProvider.GetRequiredService<AuditLog>().UseConnection(invocationContext.Context);
        return next(invocationContext);
    }
}
