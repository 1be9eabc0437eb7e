using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>
/// Hub methods refuse with a typed <see cref="HubError"/> in Dutch; this filter translates its message into the
/// language of the connection (the culture cookie of the request that opened it), so an English user reads English.
/// The code stays as it is: clients and tests branch on the code, people read the message.
/// </summary>
public sealed class HubErrorLocalizer(IStringLocalizer<ErrorText> localizer) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(invocationContext);
        if (result is null || !IsHubResult(result.GetType()))
        {
            return result;
        }

        var culture = invocationContext.Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        var error = result.GetType().GetProperty(nameof(HubResult<object>.Error))!.GetValue(result) as HubError;
        if (culture is null || error is null)
        {
            return result;
        }

        var message = ErrorText.Translate(localizer, error.Message, culture);
        return message == error.Message
            ? result
            : Activator.CreateInstance(result.GetType(), false, null, error with { Message = message });
    }

    private static bool IsHubResult(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(HubResult<>);

}
