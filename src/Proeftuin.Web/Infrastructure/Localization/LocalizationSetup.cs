using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>Dutch by default; English selectable by cookie or <c>?culture=en</c>.</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo Dutch = new("nl-NL");
    public static readonly CultureInfo English = new("en-GB");

    public static IServiceCollection AddProeftuinLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] supported = [Dutch, English];
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = supported;
            options.SupportedUICultures = supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // Only an explicit choice switches language; the browser's Accept-Language does not, since the
            // professionals work in Dutch even on an English-language PC.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }
}
