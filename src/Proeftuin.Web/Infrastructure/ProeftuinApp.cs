using Proeftuin.Web.Infrastructure.OpenApi;
using Microsoft.AspNetCore.SignalR;
using Proeftuin.Web.Features.Account;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Archive;
using Proeftuin.Web.Features.Audit;
using Proeftuin.Web.Features.Cases;
using Proeftuin.Web.Features.Connect;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Health;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Admin;
using Proeftuin.Web.Features.Neighbourhoods;
using Proeftuin.Web.Features.Notifications;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Infrastructure.ScaleOut;
using Proeftuin.Web.Infrastructure.Telemetry;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Security;
using Proeftuin.Web.Infrastructure.Sessions;

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
        builder.Services.AddProeftuinOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProeftuinIdentity();
        builder.Services.AddProeftuinSessions();
        builder.Services.AddProeftuinMail(builder.Configuration, builder.Environment);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddProeftuinOpenIdConnect(builder.Configuration, builder.Environment);
        builder.Services.AddProeftuinExternalLogin(builder.Configuration, builder.Environment);
        builder.Services.AddLoginRateLimiting(builder.Configuration);
        builder.AddProeftuinAudit();
        builder.Services.AddScoped<NeighbourhoodAccess>();
        builder.Services.AddScoped<MembershipRemoval>();
        builder.Services.AddScoped<Features.Account.PersonalDataExport>();
        builder.Services.AddSingleton<MembershipChanges>();
        builder.Services.AddScoped<MeetingCaller>();
        builder.Services.AddScoped<MeetingRoom>();
        builder.Services.AddScoped<LiveEditing>();
        builder.Services.AddScoped<MeetingUseCases>();
        builder.Services.AddScoped<Features.Meetings.MeetingConduct>();
        builder.Services.AddScoped<Features.Meetings.MinutesWriting>();
        builder.Services.AddScoped<Features.Meetings.MeetingEvaluations>();
        builder.Services.AddScoped<Features.Meetings.WritingRounds>();
        builder.Services.AddRecommendations();
        builder.Services.AddCoordination();
        builder.Services.AddAdministration();
        builder.Services.AddScoped<Features.SocialMap.ServiceDirectory>();
        builder.Services.AddSingleton<Infrastructure.Markdown.MarkdownRenderer>();
        builder.Services.AddScoped<Features.Meetings.MinutesTexts>();
        builder.Services.AddScoped<Features.Meetings.MinutesAppendix>();
        builder.Services.AddScoped<Features.Meetings.MeetingSteering>();
        builder.Services.AddScoped<Features.Meetings.MeetingEditing>();
        builder.Services.AddScoped<Features.Meetings.MinutesExport>();
        builder.Services.AddScoped<Features.Meetings.MinutesDismissals>();
        builder.Services.AddScoped<Features.Meetings.MemberMinutes>();
        builder.Services.AddScoped<Features.Cases.CaseExport>();
        builder.Services.AddScoped<Features.Anonymization.OpenFindings>();
        builder.Services.AddScoped<Features.Anonymization.TextGuard>();
        builder.Services
            .AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Account/SetPassword");
                options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                options.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        builder.Services.AddHealth();
        builder.Services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 256 * 1024;
            options.EnableDetailedErrors = false;
            options.AddFilter<AuditHubFilter>();
            options.AddFilter<HubErrorLocalizer>();

            // A connection that goes silent (laptop closed, network gone without a reset) leaves the room within 20 s;
            // the browser pings every 5 s (see client/meeting/room.ts), the .NET client every 15 s.
            options.ClientTimeoutInterval = TimeSpan.FromSeconds(20);
            options.KeepAliveInterval = TimeSpan.FromSeconds(5);
        }).AddMessagePackProtocol(options => options.SerializerOptions = Features.Meetings.Live.MeetingProtocol.MessagePackOptions)
            .AddProeftuinBackplane(builder.Configuration);
        builder.Services.AddProeftuinDataProtection(builder.Configuration);
        builder.Services.AddProeftuinTelemetry(builder.Configuration);
        builder.Services.AddSingleton<RevisionNotices>();
        builder.Services.AddSingleton<PresenceDirectory>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PresenceDirectory>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RevisionNotices>());
        builder.Services.AddSingleton<Proeftuin.Data.Collaboration.DocumentStore>();
        builder.Services.AddSingleton<LiveDocuments>();
        builder.Services.AddSingleton<RoomBroadcasts>();
        builder.Services.AddSingleton<Presence>();
        builder.Services.AddSingleton<ConnectionRateLimiter>();
        builder.Services.AddSingleton<FindingsMonitor>();
        builder.Services.AddSingleton<MeetingEditStates>();
        builder.Services.AddSingleton<MinutesFindingInputs>();
        builder.Services.AddSingleton<Features.Meetings.Live.CaseOpenMeetings>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, LiveCacheInvalidator>();
        builder.Services.AddSingleton<Features.Anonymization.CaseFindingInputs>();
        builder.Services.AddSingleton<EditAudit>();
        builder.Services.AddSingleton<Features.Cases.Preparation.CasePresence>();
        builder.Services.AddScoped<Features.Cases.Preparation.CasePreparation>();
        builder.Services.AddScoped<Features.Cases.CaseRestore>();
        builder.Services.AddSingleton<Features.Cases.Preparation.CaseEditRelay>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Features.Cases.Preparation.CaseEditRelay>());
        builder.Services.AddSingleton<Infrastructure.Anonymization.GuardedNames>();
        builder.Services.AddSingleton<PublicAddress>();
        ArchiveSearching.AddArchive(builder.Services);

        var app = builder.Build();

        // Secrets that features need later are checked now, so a missing one stops start-up with its setting named.
        _ = app.Services.GetRequiredService<Infrastructure.Anonymization.GuardedNames>();
        _ = app.Services.GetRequiredService<PublicAddress>();
        _ = app.Services.GetRequiredService<IMailSender>();
        ScaleOutSetup.RequireKeyProtection(app.Configuration, app.Environment);

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

        // Before authentication, so the external provider's callback (handled by the OIDC handler) is limited as well.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapProeftuinTelemetry();
        app.MapConnect();
        app.MapAnonymization();
        app.MapNeighbourhoods();
        app.MapPersonalData();
        app.MapCases();
        app.MapMeetings();
        app.MapMinutes();
        app.MapArchive();
        app.MapCoordination();
        app.MapProeftuinOpenApi();
        app.MapHub<MeetingHub>(MeetingHub.Path).RequireAuthorization(IdentitySetup.TwoFactorCompleted);
        app.MapHub<Features.Cases.Preparation.CaseHub>(Features.Cases.Preparation.CaseHub.Path).RequireAuthorization(IdentitySetup.TwoFactorCompleted);
        app.MapRazorPages();
        return app;
    }
}
