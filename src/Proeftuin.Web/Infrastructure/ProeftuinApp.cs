using Proeftuin.Web.Features.Health;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Infrastructure;

/// <summary>Composes the web host: services of every feature, then the middleware pipeline and each feature's routes.</summary>
public static class ProeftuinApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddProeftuinDatabase();
        builder.Services.AddProeftuinLocalization();
        builder.Services.AddProblemDetails();
        builder.Services.AddValidation();
        builder.Services
            .AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        builder.Services.AddHealth();

        var app = builder.Build();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
            app.UseHsts();
        }

        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapRazorPages();
        return app;
    }
}
