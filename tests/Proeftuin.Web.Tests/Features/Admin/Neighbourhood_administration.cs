using Microsoft.EntityFrameworkCore;
using Proeftuin.Web.Features.Admin;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>The beheerder creates and renames wijken; slug and prefix are unique and well formed, and every change is audit-logged.</summary>
public sealed class Neighbourhood_administration(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Beheerder_creates_a_wijk_with_its_own_slug_and_prefix_and_the_creation_is_audited()
    {
        var (outcome, created) = await factory.AsAsync<NeighbourhoodAdministration, (AdminOutcome, Proeftuin.Core.Neighbourhoods.Neighbourhood?)>(
            AdminCalls.Beheerder, a => a.CreateAsync(new NeighbourhoodInput("Zuilen Noord", "zuilen", "zui"), default));

        Assert.True(outcome.Done);
        var stored = await factory.QueryAsync(db => db.Neighbourhoods.SingleAsync(n => n.Id == created!.Id));
        Assert.Equal(("Zuilen Noord", "zuilen", "ZUI"), (stored.Name, stored.Slug, stored.CaseCodePrefix));
        var audit = Assert.Single(await factory.AuditOfAsync("Neighbourhood", stored.Id.ToString()));
        Assert.Equal(("create", "success", (Guid?)await factory.AccountIdAsync(AdminCalls.Beheerder)), (audit.Action, audit.Outcome, audit.UserId));
        Assert.Equal(stored.Id, audit.NeighbourhoodId);
    }

    [Fact]
    public async Task Without_a_slug_the_wijk_gets_one_from_its_name()
    {
        var (outcome, created) = await factory.AsAsync<NeighbourhoodAdministration, (AdminOutcome, Proeftuin.Core.Neighbourhoods.Neighbourhood?)>(
            AdminCalls.Beheerder, a => a.CreateAsync(new NeighbourhoodInput("Lunetten Oost", " ", "LUN"), default));

        Assert.True(outcome.Done);
        Assert.Equal("lunetten-oost", created!.Slug);
    }

    [Theory]
    [InlineData("Ondiep twee", "ondiep", "ONT", "Slug", "ErrorSlugTaken")]
    [InlineData("Ondiep twee", "ondiep-twee", "OND", "CaseCodePrefix", "ErrorPrefixTaken")]
    [InlineData("Ondiep twee", "Ondiep Twee!", "ONT", "Slug", "ErrorSlugFormat")]
    [InlineData("Ondiep twee", "ondiep--twee", "ONT", "Slug", "ErrorSlugFormat")]
    [InlineData("Ondiep twee", "ondiep-twee", "O1", "CaseCodePrefix", "ErrorPrefixFormat")]
    [InlineData("Ondiep twee", "ondiep-twee", "ONDIE", "CaseCodePrefix", "ErrorPrefixFormat")]
    [InlineData("  ", "ondiep-twee", "ONT", "Name", "ErrorName")]
    public async Task A_taken_or_malformed_slug_or_prefix_is_refused_next_to_its_field_and_nothing_is_created(string name, string slug, string prefix, string field, string error)
    {
        var before = await factory.QueryAsync(db => db.Neighbourhoods.CountAsync());

        var (outcome, created) = await factory.AsAsync<NeighbourhoodAdministration, (AdminOutcome, Proeftuin.Core.Neighbourhoods.Neighbourhood?)>(
            AdminCalls.Beheerder, a => a.CreateAsync(new NeighbourhoodInput(name, slug, prefix), default));

        Assert.False(outcome.Done);
        Assert.Null(created);
        Assert.Equal((field, error), (outcome.Field, outcome.ErrorKey));
        Assert.Equal(before, await factory.QueryAsync(db => db.Neighbourhoods.CountAsync()));
    }

    [Fact]
    public async Task A_wijk_with_cases_is_renamed_but_keeps_its_prefix_and_the_rename_is_audited()
    {
        var binnenstad = await factory.NeighbourhoodIdAsync("binnenstad");

        var renamed = await factory.AsAsync<NeighbourhoodAdministration, AdminOutcome>(AdminCalls.Beheerder,
            a => a.UpdateAsync(binnenstad, new NeighbourhoodInput("Binnenstad Utrecht", "binnenstad-utrecht", "BIN"), default));
        var newPrefix = await factory.AsAsync<NeighbourhoodAdministration, AdminOutcome>(AdminCalls.Beheerder,
            a => a.UpdateAsync(binnenstad, new NeighbourhoodInput("Binnenstad Centrum", "binnenstad-centrum", "BNS"), default));
        var takenSlug = await factory.AsAsync<NeighbourhoodAdministration, AdminOutcome>(AdminCalls.Beheerder,
            a => a.UpdateAsync(binnenstad, new NeighbourhoodInput("Binnenstad Centrum", "ondiep", "BIN"), default));

        Assert.True(renamed.Done);
        Assert.Equal(("CaseCodePrefix", "ErrorPrefixInUse"), (newPrefix.Field, newPrefix.ErrorKey));
        Assert.Equal(("Slug", "ErrorSlugTaken"), (takenSlug.Field, takenSlug.ErrorKey));
        var stored = await factory.QueryAsync(db => db.Neighbourhoods.AsNoTracking().SingleAsync(n => n.Id == binnenstad));
        Assert.Equal(("Binnenstad Utrecht", "binnenstad-utrecht", "BIN"), (stored.Name, stored.Slug, stored.CaseCodePrefix));
        Assert.Contains(await factory.AuditOfAsync("Neighbourhood", binnenstad.ToString()), e => e.Action == "update" && e.Outcome == "success");

        // The wijk page follows the new slug.
        using var chair = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await chair.OpenAsync("/wijken/binnenstad-utrecht")).Status);
    }

    [Fact]
    public async Task A_wijk_without_cases_may_change_its_prefix()
    {
        var (_, created) = await factory.AsAsync<NeighbourhoodAdministration, (AdminOutcome, Proeftuin.Core.Neighbourhoods.Neighbourhood?)>(
            AdminCalls.Beheerder, a => a.CreateAsync(new NeighbourhoodInput("Overvecht", "overvecht", "OVV"), default));

        var changed = await factory.AsAsync<NeighbourhoodAdministration, AdminOutcome>(AdminCalls.Beheerder,
            a => a.UpdateAsync(created!.Id, new NeighbourhoodInput("Overvecht", "overvecht", "OVE"), default));

        Assert.True(changed.Done);
        Assert.Equal("OVE", await factory.QueryAsync(db => db.Neighbourhoods.Where(n => n.Id == created!.Id).Select(n => n.CaseCodePrefix).SingleAsync()));
    }

    [Theory]
    [InlineData("hanna.koster@demo.proeftuin.nl", true)]
    [InlineData("joost.mulder@demo.proeftuin.nl", true)]
    [InlineData(AdminCalls.Beheerder, false)]
    public async Task Anyone_but_a_beheerder_with_the_second_factor_is_refused_and_the_refusal_is_audited(string email, bool secondFactor)
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");

        var (created, _) = await factory.AsAsync<NeighbourhoodAdministration, (AdminOutcome, Proeftuin.Core.Neighbourhoods.Neighbourhood?)>(
            email, a => a.CreateAsync(new NeighbourhoodInput("Kanaleneiland", "kanaleneiland", "KAN"), default), secondFactor);
        var renamed = await factory.AsAsync<NeighbourhoodAdministration, AdminOutcome>(
            email, a => a.UpdateAsync(ondiep, new NeighbourhoodInput("Ondiep Gekaapt", "gekaapt", "OND"), default), secondFactor);

        Assert.True(created.Denied);
        Assert.True(renamed.Denied);
        Assert.False(await factory.QueryAsync(db => db.Neighbourhoods.AnyAsync(n => n.Slug == "kanaleneiland" || n.Slug == "gekaapt")));
        Assert.Contains(await factory.AuditOfAsync("Neighbourhood", ondiep.ToString()), e => e.Action == "update" && e.Outcome == "denied");
    }
}
