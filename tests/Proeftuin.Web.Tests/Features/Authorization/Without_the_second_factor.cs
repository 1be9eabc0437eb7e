using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Authorization;

/// <summary>
/// A password is not enough: an account that signed in with its password only (no second factor yet) gets nothing but
/// the enrolment of an authenticator and the logout. Every mapped page and endpoint is tried, so a new one that names a
/// role without the second factor (as <c>[Authorize(Roles = …)]</c> once did on /admin/invite) fails here.
/// </summary>
public sealed partial class Without_the_second_factor(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Email = "half.ingelogd@demo.proeftuin.nl";
    private const string Password = "Alleen-Wachtwoord-2026";

    [Fact]
    public async Task Every_page_and_endpoint_refuses_a_password_only_sign_in_except_enrolment_and_logout()
    {
        await CreateAdministratorCoordinatorAndChairWithoutTwoFactorAsync();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = Email, ["password"] = Password });
        using var enrol = await client.GetAsync(new Uri("/account/enrol", UriKind.Relative));

        // The sign-in itself worked: the password-only session reaches the enrolment.
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/enrol", login.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        var passwordOnly = endpoints.Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == IdentitySetup.PasswordOnly))
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? e.RoutePattern.RawText)
            .Distinct()
            .Order();
        Assert.Equal(["/Account/Enrol", "/Account/Logout"], passwordOnly);

        var opened = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == IdentitySetup.PasswordOnly)))
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            var path = PathOf(endpoint.RoutePattern.RawText ?? string.Empty);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await client.SendAsync(request);
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase));
            if (!refused)
            {
                opened.Add($"{method} {path}: {(int)response.StatusCode} {location}");
            }
        }

        Assert.Empty(opened);
    }

    /// <summary>A route with a value for each parameter that its constraint accepts (authorisation runs before the handler looks at it).</summary>
    private static string PathOf(string route) =>
        "/" + RouteParameter().Replace(route.TrimStart('/'), match => match.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            var c when c.Contains("long", StringComparison.Ordinal) || c.Contains("int", StringComparison.Ordinal) => "1",
            _ => "csv",
        });

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();

    /// <summary>Every role at once (beheerder, coordinator, chair of Ondiep), but no authenticator enrolled yet.</summary>
    private async Task CreateAdministratorCoordinatorAndChairWithoutTwoFactorAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
        if (await users.FindByEmailAsync(Email) is not null)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = Email, Email = Email, EmailConfirmed = true, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [GlobalRoles.Administrator, GlobalRoles.Coordinator])).Succeeded);
        var professional = new Professional(user.Id, "Half Ingelogd", Email, Discipline.GeneralPractitioner, null);
        professional.JoinNeighbourhood(await db.Neighbourhoods.Where(n => n.Slug == "ondiep").Select(n => n.Id).SingleAsync(), MembershipRole.Chair);
        db.Professionals.Add(professional);
        await db.SaveChangesAsync();
    }
}
