using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Authorization;

/// <summary>
/// Every mapped endpoint has an authorisation rule, and for every API endpoint each kind of user gets what the rules
/// say: a member of the case's wijk is let through, a member of another wijk, a coordinator and a beheerder are refused
/// (403), an anonymous caller gets 401. A new endpoint fails here until it is added to <see cref="Expectations"/>.
/// </summary>
public sealed class Authorization_matrix(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string OwnMember = "joost.mulder@demo.proeftuin.nl";      // Ondiep
    private const string OtherMember = "ingrid.meijer@demo.proeftuin.nl";   // Binnenstad
    private const string Coordinator = "hanna.koster@demo.proeftuin.nl";
    private const string Administrator = "beheer@demo.proeftuin.nl";

    private static readonly string[] AnonymousPages = ["/Account/Login", "/Account/TwoFactor", "/Account/AccessDenied", "/Account/SetPassword", "/Account/ForgotPassword", "/Account/ExternalCallback"];

    /// <summary>Per API route: who may use it. "wijk" = members of the object's wijk; "member" = member of any wijk.</summary>
    private static readonly Dictionary<string, (string Method, string Scope)> Expectations = new()
    {
        ["/api/neighbourhoods/{neighbourhoodId:guid}/cases"] = ("GET", "wijk"),
        ["/api/cases/{caseId:guid}"] = ("GET", "wijk"),
        ["/api/cases/{caseId:guid}/findings"] = ("GET", "wijk"),
        ["/api/cases/{caseId:guid}/dismissals"] = ("POST", "wijk"),
        ["/api/cases/{caseId:guid}/ready"] = ("POST", "wijk"),
        ["/api/cases/{caseId:guid}/guarded-names"] = ("PUT", "wijk"),
        ["/api/anonymization/scan"] = ("POST", "member"),
    };

    [Fact]
    public void Every_endpoint_carries_an_authorisation_rule()
    {
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var explicitRule = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            var isPage = page is not null;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

            // Pages fall under the fallback policy (signed in with two-factor); only the login pages may be anonymous.
            if (isPage && anonymous && !AnonymousPages.Contains(page!.ViewEnginePath))
            {
                missing.Add($"{page.ViewEnginePath} is anonymous but not on the allow-list");
            }

            if (!isPage && !explicitRule)
            {
                missing.Add($"{endpoint.RoutePattern.RawText} has no authorisation rule");
            }

            var route = endpoint.RoutePattern.RawText ?? string.Empty;
            if (route.StartsWith(MeetingHub.Path, StringComparison.Ordinal) && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
            {
                missing.Add($"{route} (hub) has no authorisation rule");
            }

            if (route.StartsWith("/api", StringComparison.Ordinal) && !Expectations.ContainsKey(route))
            {
                missing.Add($"{route} is not in the authorisation matrix");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(Expectations.Count, endpoints.Count(e => (e.RoutePattern.RawText ?? string.Empty).StartsWith("/api", StringComparison.Ordinal)));
    }

    /// <summary>Hub methods and who may call them; a new hub method fails here until it is added.</summary>
    private static readonly string[] HubMethods =
    [
        nameof(MeetingHub.JoinMeeting), nameof(MeetingHub.SubmitOperation), nameof(MeetingHub.LeaveMeeting),
        nameof(MeetingHub.StartMeeting), nameof(MeetingHub.AdvancePhase), nameof(MeetingHub.StartTimer), nameof(MeetingHub.PauseTimer),
        nameof(MeetingHub.ExtendTimer), nameof(MeetingHub.CloseMeeting), nameof(MeetingHub.AddRecommendation), nameof(MeetingHub.EditRecommendation),
        nameof(MeetingHub.ChangeRecommendationStatus), nameof(MeetingHub.DeleteRecommendation), nameof(MeetingHub.UpdateCursor),
    ];

    [Fact]
    public void Every_hub_method_is_in_the_matrix()
    {
        var methods = typeof(MeetingHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name != nameof(MeetingHub.OnDisconnectedAsync))
            .Select(m => m.Name)
            .Order();

        Assert.Equal(HubMethods.Order(), methods);
        Assert.NotNull(typeof(MeetingHub).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).SingleOrDefault());
    }

    [Fact]
    public async Task Only_members_of_the_wijk_may_join_its_meeting_and_edit_its_documents()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstAsync(m => m.NeighbourhoodId == ondiep.Id && m.Status == Core.Meetings.MeetingStatus.Planned);
        var document = MeetingHub.CaseDocument(meeting.Agenda[0].CaseFileId);
        var failures = new List<string>();

        foreach (var (who, email, allowed) in new[] { ("own member", OwnMember, true), ("other member", OtherMember, false), ("coordinator", Coordinator, false), ("beheerder", Administrator, false) })
        {
            await using var connection = await HubConnections.ConnectAsync(factory, email);
            var join = await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meeting.Id);
            var submit = await connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                new SubmitRequest(document, 0, Core.Collaboration.TextOperation.Builder().Build(), "matrix-" + who, 1));
            if (join.Ok != allowed || (!allowed && submit.Ok))
            {
                failures.Add($"{who}: join {join.Ok}, submit {submit.Ok}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Each_role_gets_what_the_rules_say_on_every_api_endpoint()
    {
        var (ondiep, ondiepCase) = await OndiepCaseAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["own member"] = await factory.SignedInAsync(OwnMember),
            ["other member"] = await factory.SignedInAsync(OtherMember),
            ["coordinator"] = await factory.SignedInAsync(Coordinator),
            ["beheerder"] = await factory.SignedInAsync(Administrator),
            ["anonymous"] = factory.CreateClient(),
        };
        var failures = new List<string>();

        foreach (var (route, (method, scope)) in Expectations)
        {
            var path = route.Replace("{neighbourhoodId:guid}", ondiep.ToString(), StringComparison.Ordinal).Replace("{caseId:guid}", ondiepCase.ToString(), StringComparison.Ordinal);
            foreach (var (who, client) in clients)
            {
                using var response = method switch
                {
                    "GET" => await client.GetAsync(new Uri(path, UriKind.Relative)),
                    "PUT" => await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), Body(route)),
                    _ => await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), Body(route)),
                };
                var allowed = who == "own member" || (scope == "member" && who == "other member");
                var expected = who == "anonymous" ? HttpStatusCode.Unauthorized : allowed ? (HttpStatusCode?)null : HttpStatusCode.Forbidden;
                var ok = expected is null
                    ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500
                    : response.StatusCode == expected;
                if (!ok)
                {
                    failures.Add($"{method} {route} as {who}: {(int)response.StatusCode}, expected {(expected is null ? "allowed" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static object Body(string route) => route switch
    {
        "/api/anonymization/scan" => new { text = "Bel 06-12345678." },
        "/api/cases/{caseId:guid}/dismissals" => new { start = 0, end = 0, category = "PERSON", reason = "test" },
        "/api/cases/{caseId:guid}/guarded-names" => new { names = new[] { "Testnaam" } },
        _ => new { },
    };

    private async Task<(Guid Neighbourhood, Guid Case)> OndiepCaseAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var caseId = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).OrderBy(c => c.Code).Select(c => c.Id).LastAsync();
        return (ondiep.Id, caseId);
    }
}
