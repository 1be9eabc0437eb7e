using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>Dutch by default; English (en-GB) chosen with the header's language switch (a cookie) or, for API clients, <c>?culture=en-GB</c>.</summary>
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

        // ProblemDetails carry a Dutch title and detail (domain rules among them): translated for an English request.
        services.Configure<ProblemDetailsOptions>(options => options.CustomizeProblemDetails += context =>
        {
            var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
            if (culture is null)
            {
                return;
            }

            var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ErrorText>>();
            var problem = context.ProblemDetails;
            problem.Title = problem.Title is null ? null : ErrorText.Translate(localizer, problem.Title, culture);
            problem.Detail = problem.Detail is null ? null : ErrorText.Translate(localizer, problem.Detail, culture);
        });
        return services;
    }
}
