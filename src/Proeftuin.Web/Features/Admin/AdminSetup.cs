namespace Proeftuin.Web.Features.Admin;

/// <summary>The beheerder's administration services (the pages are under /admin).</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services
        .AddScoped<AdminGate>()
        .AddScoped<AdminOverview>()
        .AddScoped<InvitationMail>()
        .AddScoped<NeighbourhoodAdministration>()
        .AddScoped<MembershipAdministration>()
        .AddScoped<AccountAdministration>()
        .AddScoped<AccountAnonymisation>();
}
