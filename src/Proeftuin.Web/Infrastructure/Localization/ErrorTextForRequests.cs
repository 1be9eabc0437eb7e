using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>A domain rule's Dutch message in the language of the request, for pages that show it next to a field.</summary>
public static class ErrorTextForRequests
{
    public static string MessageFor(this DomainException error, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        return culture is null
            ? error.Message
            : ErrorText.Translate(context.RequestServices.GetRequiredService<IStringLocalizer<ErrorText>>(), error.Message, culture);
    }
}
