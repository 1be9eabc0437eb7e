using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>Dutch error messages in the language of the request, for pages that show them next to a field.</summary>
public static class ErrorTextForRequests
{
    public static string MessageFor(this DomainException error, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        return context.Translated(error.Message);
    }

    /// <summary>A Dutch error message (a rule's, or Identity's from <c>DutchIdentityErrors</c>) in the request's language.</summary>
    public static string Translated(this HttpContext context, string dutch)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
        return culture is null
            ? dutch
            : ErrorText.Translate(context.RequestServices.GetRequiredService<IStringLocalizer<ErrorText>>(), dutch, culture);
    }
}
