using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Web.Features.Cases;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>Members write a new case from the template; the chair of Ondiep plans a meeting with it on the agenda.</summary>
public sealed class Meeting_planning(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task Chair_plans_a_meeting_with_a_new_case_and_members_see_its_agenda()
    {
        var ondiep = await NeighbourhoodAsync("ondiep");
        var member = await factory.SignedInAsync(Member);
        var chair = await factory.SignedInAsync(Chair);

        using var created = await member.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/cases", new NewCaseRequest("Slaapproblemen en schoolverzuim", "Adolescent", ["slaap"]));
        var caseFile = (await created.Content.ReadFromJsonAsync<CaseDto>())!;
        using var planned = await chair.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/meetings",
            new PlanMeetingRequest("Casuïstiek januari", new DateTimeOffset(2027, 1, 14, 12, 0, 0, TimeSpan.FromHours(1)), [new PlannedAgendaItem(caseFile.Id, 40)]));
        var meeting = (await planned.Content.ReadFromJsonAsync<MeetingDto>())!;
        var read = (await member.GetFromJsonAsync<MeetingDto>($"/api/meetings/{meeting.Id}"))!;
        var list = (await member.GetFromJsonAsync<List<MeetingSummaryDto>>($"/api/neighbourhoods/{ondiep}/meetings"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("OND-", caseFile.Code, StringComparison.Ordinal);
        Assert.Contains("## ", caseFile.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        Assert.Equal(new DateTime(2027, 1, 14, 11, 0, 0, DateTimeKind.Utc), read.ScheduledStartUtc);
        var item = Assert.Single(read.Agenda);
        Assert.Equal((caseFile.Id, caseFile.Code, 40), (item.CaseId, item.CaseCode, item.TimeboxMinutes));
        Assert.Contains(list, m => m.Id == meeting.Id && m.AgendaItems == 1 && m.Status == "Planned");
    }

    [Fact]
    public async Task A_member_who_is_not_chair_cannot_plan_and_bad_plans_change_nothing()
    {
        var ondiep = await NeighbourhoodAsync("ondiep");
        var binnenstadCase = await FirstCaseAsync("binnenstad");
        var before = await MeetingCountAsync();
        var member = await factory.SignedInAsync(Member);
        var chair = await factory.SignedInAsync(Chair);
        var when = DateTimeOffset.UtcNow.AddDays(20);

        using var byMember = await member.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/meetings", new PlanMeetingRequest("Bespreking", when, []));
        using var otherNeighbourhood = await chair.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/meetings", new PlanMeetingRequest("Bespreking", when, [new PlannedAgendaItem(binnenstadCase, 30)]));
        using var noTitle = await chair.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/meetings", new PlanMeetingRequest("  ", when, []));
        using var badTimebox = await chair.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/meetings",
            new PlanMeetingRequest("Bespreking", when, [new PlannedAgendaItem(await FirstCaseAsync("ondiep"), 500)]));
        using var badAgeBand = await member.PostAsJsonAsync($"/api/neighbourhoods/{ondiep}/cases", new NewCaseRequest("Casus", "Bejaard", []));

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherNeighbourhood.StatusCode);
        Assert.Equal("Alleen casussen van de eigen wijk kunnen op de agenda.", (await otherNeighbourhood.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTimebox.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAgeBand.StatusCode);
        Assert.Equal(before, await MeetingCountAsync());
    }

    private async Task<Guid> NeighbourhoodAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().Neighbourhoods.Where(n => n.Slug == slug).Select(n => n.Id).SingleAsync();
    }

    private async Task<Guid> FirstCaseAsync(string slug)
    {
        var neighbourhood = await NeighbourhoodAsync(slug);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood).OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
    }

    private async Task<int> MeetingCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().Meetings.CountAsync();
    }
}
