using System.Net;
using System.Net.Http.Json;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Cases;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Neighbourhoods;

namespace Proeftuin.LoadTest;

/// <summary>Real demo professionals of one wijk, logged in through the real pages (password + TOTP), one cookie jar each.</summary>
public sealed class DemoSessions
{
    private DemoSessions(IReadOnlyList<(string Email, CookieContainer Cookies)> members, HttpClient chair, Guid neighbourhood)
    {
        Members = members;
        Chair = chair;
        NeighbourhoodId = neighbourhood;
    }

    public IReadOnlyList<(string Email, CookieContainer Cookies)> Members { get; }

    public HttpClient Chair { get; }

    public Guid NeighbourhoodId { get; }

    public static async Task<DemoSessions> LoginAsync(Uri url, string neighbourhoodPrefix)
    {
        var accounts = DemoAccounts.All.Where(a => a.Memberships.Any(m => m.Neighbourhood == neighbourhoodPrefix)).ToList();
        if (accounts.Count == 0)
        {
            throw new ArgumentException($"no demo accounts in wijk {neighbourhoodPrefix}");
        }

        var members = new List<(string, CookieContainer)>();
        HttpClient? chair = null;
        foreach (var account in accounts)
        {
            var cookies = new CookieContainer();
            var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = url };
            using var landed = await BrowserlessLogin.LoginAsync(client, account.Email, DemoAccounts.Password, DemoAccounts.AuthenticatorKey, url);
            members.Add((account.Email, cookies));
            if (account.Memberships.Any(m => m.Neighbourhood == neighbourhoodPrefix && m.Role == Core.Professionals.MembershipRole.Chair))
            {
                chair = client;
            }
            else
            {
                client.Dispose();
            }
        }

        if (chair is null)
        {
            throw new ArgumentException($"wijk {neighbourhoodPrefix} has no demo chair");
        }

        var neighbourhoods = await chair.GetFromJsonAsync<List<NeighbourhoodDto>>("/api/neighbourhoods/");
        return new DemoSessions(members, chair, neighbourhoods!.Single(w => w.CaseCodePrefix == neighbourhoodPrefix).Id);
    }

    /// <summary>One room per meeting: a new case from the template on the agenda of a new meeting, planned by the chair.</summary>
    public async Task<IReadOnlyList<Guid>> PlanRoomsAsync(int rooms)
    {
        var meetings = new List<Guid>();
        for (var i = 0; i < rooms; i++)
        {
            using var created = await Chair.PostAsJsonAsync($"/api/neighbourhoods/{NeighbourhoodId}/cases", new NewCaseRequest($"Belastingtest {i + 1}", "Child", []));
            created.EnsureSuccessStatusCode();
            var caseFile = (await created.Content.ReadFromJsonAsync<CaseDto>())!;
            using var planned = await Chair.PostAsJsonAsync($"/api/neighbourhoods/{NeighbourhoodId}/meetings",
                new PlanMeetingRequest($"Belastingtest {i + 1}", DateTimeOffset.UtcNow.AddDays(7), [new PlannedAgendaItem(caseFile.Id, 30)]));
            planned.EnsureSuccessStatusCode();
            meetings.Add((await planned.Content.ReadFromJsonAsync<MeetingDto>())!.Id);
        }

        return meetings;
    }
}
