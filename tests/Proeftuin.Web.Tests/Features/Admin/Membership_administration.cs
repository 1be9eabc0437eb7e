using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Professionals;
using Proeftuin.Web.Features.Admin;
using Proeftuin.Web.Features.Cases.Preparation;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>
/// The beheerder adds existing accounts to a wijk, changes roles and removes members; a removed member's open case page
/// closes at once and the wijk's pages refuse them. Every change is audit-logged with the member and the wijk.
/// </summary>
public sealed class Membership_administration(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Beheerder_adds_an_existing_account_to_a_second_wijk_which_it_then_opens()
    {
        var binnenstad = await factory.NeighbourhoodIdAsync("binnenstad");
        var pieter = await factory.AccountIdAsync("pieter.vandijk@demo.proeftuin.nl");
        using var client = await factory.SignedInAsync("pieter.vandijk@demo.proeftuin.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.OpenAsync("/wijken/binnenstad")).Status);

        var added = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.AddAsync(binnenstad, pieter, MembershipRole.Member, default));

        Assert.True(added.Done);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/wijken/binnenstad")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/wijken/ondiep")).Status);
        var audit = Assert.Single(await factory.AuditOfAsync("Membership", pieter.ToString()), e => e.Action == "add-membership");
        Assert.Equal(("success", (Guid?)binnenstad), (audit.Outcome, audit.NeighbourhoodId));
    }

    [Fact]
    public async Task Adding_a_member_twice_or_an_unknown_account_is_refused_and_changes_nothing()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var esra = await factory.AccountIdAsync("esra.yilmaz@demo.proeftuin.nl");

        var twice = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.AddAsync(ondiep, esra, MembershipRole.Chair, default));
        var unknown = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.AddAsync(ondiep, Guid.NewGuid(), MembershipRole.Member, default));
        var badRole = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.AddAsync(ondiep, esra, (MembershipRole)7, default));

        Assert.Equal("ErrorAlreadyMember", twice.ErrorKey);
        Assert.Equal("ErrorUnknownAccount", unknown.ErrorKey);
        Assert.Equal("ErrorRole", badRole.ErrorKey);
        Assert.Equal(MembershipRole.Member, await factory.QueryAsync(db => db.Memberships.Where(m => m.NeighbourhoodId == ondiep && m.ProfessionalId == esra).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Beheerder_makes_a_member_chair_who_may_then_plan_and_the_change_is_audited()
    {
        var binnenstad = await factory.NeighbourhoodIdAsync("binnenstad");
        var daan = await factory.AccountIdAsync("daan.bakker@demo.proeftuin.nl");
        using var client = await factory.SignedInAsync("daan.bakker@demo.proeftuin.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.OpenAsync("/besprekingen/plannen?wijk=binnenstad")).Status);

        var changed = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.ChangeRoleAsync(binnenstad, daan, MembershipRole.Chair, default));
        var notMember = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder,
            m => m.ChangeRoleAsync(binnenstad, Guid.NewGuid(), MembershipRole.Chair, default));

        Assert.True(changed.Done);
        Assert.Equal("ErrorNotMember", notMember.ErrorKey);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/besprekingen/plannen?wijk=binnenstad")).Status);
        Assert.Contains(await factory.AuditOfAsync("Membership", daan.ToString()), e => e.Action == "change-role" && e.Outcome == "success" && e.NeighbourhoodId == binnenstad);
    }

    [Fact]
    public async Task A_removed_members_open_case_page_closes_at_once_and_the_wijks_pages_and_cases_refuse_them()
    {
        var leidscheRijn = await factory.NeighbourhoodIdAsync("leidsche-rijn");
        var marieke = await factory.AccountIdAsync("marieke.bos@demo.proeftuin.nl");
        var caseId = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.NeighbourhoodId == leidscheRijn).OrderBy(c => c.Code).Select(c => c.Id).FirstAsync());
        using var client = await factory.SignedInAsync("marieke.bos@demo.proeftuin.nl");
        await using var casePage = await HubConnections.ConnectAsync(factory, "marieke.bos@demo.proeftuin.nl", path: CaseHub.Path);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        casePage.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        Assert.True((await casePage.InvokeAsync<HubResult<CaseSnapshot>>(nameof(CaseHub.JoinCase), caseId)).Ok);

        var removed = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.RemoveAsync(leidscheRijn, marieke, default));
        var again = await factory.AsAsync<MembershipAdministration, AdminOutcome>(AdminCalls.Beheerder, m => m.RemoveAsync(leidscheRijn, marieke, default));

        Assert.True(removed.Done);
        Assert.Equal("ErrorNotMember", again.ErrorKey);
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.OpenAsync("/wijken/leidsche-rijn")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.OpenAsync($"/casussen/{caseId}")).Status);
        Assert.Contains(await factory.AuditOfAsync("Membership", marieke.ToString()), e => e.Action == "remove-membership" && e.Outcome == "success" && e.NeighbourhoodId == leidscheRijn);
    }

    [Theory]
    [InlineData("hanna.koster@demo.proeftuin.nl", true)]
    [InlineData("ruud.jansen@demo.proeftuin.nl", true)]
    [InlineData(AdminCalls.Beheerder, false)]
    public async Task Anyone_but_a_beheerder_with_the_second_factor_changes_no_membership_and_is_audited(string email, bool secondFactor)
    {
        var leidscheRijn = await factory.NeighbourhoodIdAsync("leidsche-rijn");
        var fatima = await factory.AccountIdAsync("fatima.elamrani@demo.proeftuin.nl");
        var youssef = await factory.AccountIdAsync("youssef.benali@demo.proeftuin.nl");

        var add = await factory.AsAsync<MembershipAdministration, AdminOutcome>(email, m => m.AddAsync(leidscheRijn, youssef, MembershipRole.Member, default), secondFactor);
        var role = await factory.AsAsync<MembershipAdministration, AdminOutcome>(email, m => m.ChangeRoleAsync(leidscheRijn, fatima, MembershipRole.Chair, default), secondFactor);
        var remove = await factory.AsAsync<MembershipAdministration, AdminOutcome>(email, m => m.RemoveAsync(leidscheRijn, fatima, default), secondFactor);

        Assert.True(add.Denied && role.Denied && remove.Denied);
        Assert.False(await factory.QueryAsync(db => db.Memberships.AnyAsync(m => m.NeighbourhoodId == leidscheRijn && m.ProfessionalId == youssef)));
        Assert.Equal(MembershipRole.Member, await factory.QueryAsync(db => db.Memberships.Where(m => m.NeighbourhoodId == leidscheRijn && m.ProfessionalId == fatima).Select(m => m.Role).SingleAsync()));
        var denied = (await factory.AuditOfAsync("Membership", fatima.ToString())).Where(e => e.Outcome == "denied").Select(e => e.Action).ToList();
        Assert.Contains("change-role", denied);
        Assert.Contains("remove-membership", denied);
    }
}
