using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>
/// Hub methods refuse with a typed <see cref="HubError"/> in Dutch; this filter translates its message into the
/// language of the connection (the culture cookie of the request that opened it), so an English user reads English.
/// The code stays as it is: clients and tests branch on the code, people read the message.
/// </summary>
public sealed class HubErrorLocalizer(IStringLocalizer<ErrorText> localizer, IOptions<RequestLocalizationOptions> localization) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var result = await next(invocationContext);
        if (result is null || !IsHubResult(result.GetType()))
        {
            return result;
        }

        var error = result.GetType().GetProperty(nameof(HubResult<object>.Error))!.GetValue(result) as HubError;
        var culture = error is null ? null : await CultureAsync(invocationContext.Context.GetHttpContext());
        if (culture is null || error is null)
        {
            return result;
        }

        var message = ErrorText.Translate(localizer, error.Message, culture);
        return message == error.Message
            ? result
            : Activator.CreateInstance(result.GetType(), false, null, error with { Message = message });
    }

    /// <summary>
    /// The culture the localization middleware chose for the connection's request. Over long polling the hub sees a copy
    /// of that request without the middleware's result, so the same providers (query, cookie) are asked again.
    /// </summary>
    private async Task<CultureInfo?> CultureAsync(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }

        if (context.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            return feature.RequestCulture.UICulture;
        }

        var options = localization.Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            var chosen = (await provider.DetermineProviderCultureResult(context))?.UICultures.FirstOrDefault();
            var supported = options.SupportedUICultures?.FirstOrDefault(c =>
                string.Equals(c.Name, chosen?.Value, StringComparison.OrdinalIgnoreCase) || string.Equals(c.TwoLetterISOLanguageName, chosen?.Value, StringComparison.OrdinalIgnoreCase));
            if (supported is not null)
            {
                return supported;
            }
        }

        return options.DefaultRequestCulture.UICulture;
    }

    private static bool IsHubResult(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(HubResult<>);

}
