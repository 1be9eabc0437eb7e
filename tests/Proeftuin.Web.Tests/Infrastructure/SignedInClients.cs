using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>HttpClients of demo professionals who logged in for real (password + TOTP), cached per factory.</summary>
public static class SignedInClients
{
    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient();
        using var landed = await BrowserlessLogin.LoginAsync(client, email, DemoAccounts.Password, DemoAccounts.AuthenticatorKey, factory, factory.Services.GetRequiredService<TimeProvider>());
        return client;
    }
}
