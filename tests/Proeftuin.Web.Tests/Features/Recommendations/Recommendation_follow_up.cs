using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;
using static Proeftuin.Web.Tests.Features.Recommendations.FollowUpScenario;

namespace Proeftuin.Web.Tests.Features.Recommendations;

/// <summary>
/// Following up a recommendation after its meeting closed (/acties/{id}): its owner or the wijk's chair changes the
/// status and adds notes, members and the coordinator read the history, and every refusal changes nothing.
/// </summary>
public sealed class Recommendation_follow_up(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private static Dictionary<string, string> Form(int version, RecommendationStatus? status = null, string? note = null) => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Status"] = status?.ToString() ?? string.Empty,
        ["Note"] = note ?? string.Empty,
    };

    [Fact]
    public async Task Owner_marks_an_action_done_two_weeks_after_the_meeting_closed_and_the_history_shows_who_when_and_what()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Warme overdracht naar de GGZ regelen");
        var page = $"/acties/{id}";
        using var kevin = await factory.SignedInAsync(Owner);

        var before = await kevin.OpenAsync(page);
        var done = await kevin.SubmitAsync(page, page, Form(2, RecommendationStatus.Done, "Overdracht is besproken met de praktijkondersteuner."));
        var stored = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        var history = await factory.QueryAsync(db => db.RecommendationProgress.Where(p => p.RecommendationId == id).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("Voortgang opslaan", before.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overdue\"", before.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("De voortgang is opgeslagen.", done.Text, StringComparison.Ordinal);
        Assert.Contains("Kevin Smit", done.Text, StringComparison.Ordinal);
        Assert.Contains("Afgesproken → Afgerond", done.Text, StringComparison.Ordinal);
        Assert.Contains("Overdracht is besproken met de praktijkondersteuner.", done.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"overdue\"", done.Html, StringComparison.Ordinal);
        Assert.Equal((RecommendationStatus.Done, 3), (stored.Status, stored.Version));
        var step = Assert.Single(history);
        Assert.Equal((RecommendationStatus.Agreed, RecommendationStatus.Done), (step.FromStatus!.Value, step.ToStatus!.Value));
        Assert.True(await factory.AuditedAsync("Recommendation", id.ToString(), "success"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == id.ToString() && e.Action == "update" && e.Outcome == "success")));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == id.ToString() && e.Action == "read" && e.Outcome == "success")));
    }

    [Fact]
    public async Task A_note_without_a_status_change_is_a_step_of_its_own_and_leaves_the_version()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Schoolmaatschappelijk werk betrekken");
        var page = $"/acties/{id}";
        using var joost = await factory.SignedInAsync(Chair);

        var noted = await joost.SubmitAsync(page, page, Form(2, note: "Eerste gesprek staat gepland."));
        var stored = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        var step = await factory.QueryAsync(db => db.RecommendationProgress.SingleAsync(p => p.RecommendationId == id));

        Assert.Contains("Eerste gesprek staat gepland.", noted.Text, StringComparison.Ordinal);
        Assert.Equal((RecommendationStatus.Agreed, 2), (stored.Status, stored.Version));
        Assert.Equal((null, null, "Eerste gesprek staat gepland."), (step.FromStatus, step.ToStatus, step.Note));
    }

    [Fact]
    public async Task Only_the_owner_and_the_chair_may_change_members_and_the_coordinator_read_and_another_wijk_is_refused()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Wachtlijst jeugd-GGZ agenderen");
        var page = $"/acties/{id}";
        using var pieter = await factory.SignedInAsync(Member);
        using var hanna = await factory.SignedInAsync(Coordinator);
        using var ingrid = await factory.SignedInAsync(Outsider);
        using var joost = await factory.SignedInAsync(Chair);

        var memberReads = await pieter.OpenAsync(page);
        var coordinatorReads = await hanna.OpenAsync(page);
        var outsiderReads = await ingrid.OpenAsync(page);
        var memberChanges = await pieter.SubmitAsync(page, page, Form(2, RecommendationStatus.Dropped));
        var coordinatorChanges = await hanna.SubmitAsync(page, page, Form(2, RecommendationStatus.Dropped));
        var unchanged = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        var chairChanges = await joost.SubmitAsync(page, page, Form(2, RecommendationStatus.InProgress));
        var changed = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));

        Assert.Equal(HttpStatusCode.OK, memberReads.Status);
        Assert.Contains("Wachtlijst jeugd-GGZ agenderen", memberReads.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Voortgang opslaan", memberReads.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, coordinatorReads.Status);
        Assert.DoesNotContain("Voortgang opslaan", coordinatorReads.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderReads.Status);
        Assert.Equal(HttpStatusCode.Forbidden, memberChanges.Status);
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorChanges.Status);
        Assert.Equal((RecommendationStatus.Agreed, 2), (unchanged.Status, unchanged.Version));
        Assert.Equal(HttpStatusCode.OK, chairChanges.Status);
        Assert.Equal(RecommendationStatus.InProgress, changed.Status);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == id.ToString() && e.Action == "update" && e.Outcome == "denied")));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == id.ToString() && e.Action == "read" && e.Outcome == "denied")));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused_in_Dutch_and_changes_nothing()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Gezinscoach inzetten");
        var page = $"/acties/{id}";
        using var kevin = await factory.SignedInAsync(Owner);
        using var joost = await factory.SignedInAsync(Chair);

        await joost.SubmitAsync(page, page, Form(2, RecommendationStatus.InProgress));
        var stale = await kevin.SubmitAsync(page, page, Form(2, RecommendationStatus.Dropped, "Niet meer nodig."));
        var stored = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        var steps = await factory.QueryAsync(db => db.RecommendationProgress.CountAsync(p => p.RecommendationId == id));

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Iemand anders heeft deze aanbeveling intussen gewijzigd.", stale.Text, StringComparison.Ordinal);
        Assert.Contains("name=\"Version\" value=\"3\"", stale.Html, StringComparison.Ordinal);
        Assert.Equal((RecommendationStatus.InProgress, 3), (stored.Status, stored.Version));
        Assert.Equal(1, steps);
    }

    [Fact]
    public async Task The_guard_refuses_an_identifying_note_and_nothing_changes()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Huisarts informeren");
        var page = $"/acties/{id}";
        using var kevin = await factory.SignedInAsync(Owner);

        var refused = await kevin.SubmitAsync(page, page, Form(2, RecommendationStatus.Done, "Moeder gebeld op 06-12345678."));
        var stored = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));
        var steps = await factory.QueryAsync(db => db.RecommendationProgress.CountAsync(p => p.RecommendationId == id));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("data-testid=\"guard-findings\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("06-12345678", refused.Text, StringComparison.Ordinal);
        Assert.Equal((RecommendationStatus.Agreed, 2), (stored.Status, stored.Version));
        Assert.Equal(0, steps);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == id.ToString() && e.Action == "update" && e.Outcome == "denied")));
    }

    [Fact]
    public async Task A_form_without_status_or_note_and_a_status_the_rules_forbid_get_a_Dutch_error_and_change_nothing()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Casusregie afspreken");
        var page = $"/acties/{id}";
        using var kevin = await factory.SignedInAsync(Owner);

        var empty = await kevin.SubmitAsync(page, page, Form(2));
        var backwards = await kevin.SubmitAsync(page, page, Form(2, RecommendationStatus.Proposed));
        var stored = await factory.QueryAsync(db => db.Recommendations.SingleAsync(r => r.Id == id));

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Kies een nieuwe status of schrijf een notitie.", empty.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.Contains("kan niet naar voorgesteld", backwards.Text, StringComparison.Ordinal);
        Assert.Equal((RecommendationStatus.Agreed, 2), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task My_actions_lists_the_open_actions_I_own_overdue_first_and_a_done_one_leaves_the_list()
    {
        var overdue = await ClosedMeetingWithActionAsync(factory, "Mijn actie over datum", dueDaysAgo: 3);
        var later = await ClosedMeetingWithActionAsync(factory, "Mijn actie later", dueDaysAgo: -30);
        using var kevin = await factory.SignedInAsync(Owner);
        using var hanna = await factory.SignedInAsync(Coordinator);

        var mine = await kevin.OpenAsync("/acties");
        await kevin.SubmitAsync($"/acties/{later}", $"/acties/{later}", Form(2, RecommendationStatus.Done));
        var afterDone = await kevin.OpenAsync("/acties");
        var none = await hanna.OpenAsync("/acties");

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains("Mijn acties", mine.Text, StringComparison.Ordinal);
        var first = mine.Text.IndexOf("Mijn actie over datum", StringComparison.Ordinal);
        var second = mine.Text.IndexOf("Mijn actie later", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "the overdue action comes first");
        Assert.Contains(DateTime.UtcNow.AddDays(-3).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), mine.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/acties/{overdue}\"", mine.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mijn actie later", afterDone.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-actions\"", none.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/acties\"", none.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("MyActions", null, "success"));
    }

    [Fact]
    public async Task The_wijk_page_lists_its_open_actions_and_the_agreement_register_shows_a_source_recommendation_status()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Jongerenwerk aansluiten bij het wijkoverleg");
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        await factory.QueryAsync(async db =>
        {
            db.NeighbourhoodAgreements.Add(new Core.Agreements.NeighbourhoodAgreement(Guid.NewGuid(), ondiep, "Jongerenwerk aan tafel", "Jongerenwerk schuift aan bij elk wijkoverleg.",
                [id], null, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var joost = await factory.SignedInAsync(Chair);

        var wijk = await joost.OpenAsync("/wijken/ondiep");
        await joost.SubmitAsync($"/acties/{id}", $"/acties/{id}", Form(2, RecommendationStatus.Done));
        var register = await joost.OpenAsync("/wijken/ondiep/afspraken");
        var wijkAfter = await joost.OpenAsync("/wijken/ondiep");

        Assert.Contains("Open acties", wijk.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/acties/{id}\"", wijk.Html, StringComparison.Ordinal);
        Assert.Contains("Kevin Smit", wijk.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/acties/{id}\"", wijkAfter.Html, StringComparison.Ordinal);
        Assert.Contains("(status: Afgerond)", register.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_counts_an_action_done_after_the_meeting_no_longer_as_open_or_overdue()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Opvolgtoets coordinator");
        var workspace = "/coordinatie?text=Opvolgtoets";
        using var hanna = await factory.SignedInAsync(Coordinator);
        using var kevin = await factory.SignedInAsync(Owner);

        var before = await hanna.OpenAsync(workspace);
        await kevin.SubmitAsync($"/acties/{id}", $"/acties/{id}", Form(2, RecommendationStatus.Done));
        var after = await hanna.OpenAsync(workspace);

        Assert.Contains("Open met een eigenaar of deadline: 1, waarvan 1 over de deadline.", before.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-follow-up\"", after.Html, StringComparison.Ordinal);
        Assert.Contains("Afgerond", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_go_to_the_login_page_and_the_beheerder_is_refused_on_both_pages()
    {
        var id = await ClosedMeetingWithActionAsync(factory, "Toegangstoets beheerder");
        using var anonymous = factory.CreateClient();
        using var beheer = await factory.SignedInAsync("beheer@demo.proeftuin.nl");

        var anonymousList = await anonymous.OpenAsync("/acties");
        var anonymousDetail = await anonymous.OpenAsync($"/acties/{id}");
        var beheerderList = await beheer.OpenAsync("/acties");
        var beheerderDetail = await beheer.OpenAsync($"/acties/{id}");

        Assert.StartsWith("/account/login", anonymousList.Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", anonymousDetail.Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, beheerderList.Status);
        Assert.Contains("data-testid=\"no-actions\"", beheerderList.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, beheerderDetail.Status);
        Assert.StartsWith("/account/access-denied", beheerderDetail.Landed.AbsolutePath, StringComparison.Ordinal);
    }
}
