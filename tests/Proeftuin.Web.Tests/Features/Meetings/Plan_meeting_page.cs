using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>The chair plans a meeting from the form, in Dutch local time, with the rules the API applies.</summary>
public sealed class Plan_meeting_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Form = "/besprekingen/plannen?wijk=ondiep";

    [Fact]
    public async Task Chair_plans_a_meeting_from_the_form()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var firstCase = await factory.FirstCaseIdAsync("ondiep");
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var form = await joost.OpenAsync(Form);
        var planned = await joost.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "Casuïstiek maart",
            ["Date"] = "2027-03-11",
            ["Time"] = "19:30",
            ["Agenda[0].CaseId"] = firstCase.ToString(),
            ["Agenda[0].Selected"] = "true",
            ["Agenda[0].Minutes"] = "45",
            ["Agenda[1].CaseId"] = Guid.NewGuid().ToString(),
            ["Agenda[1].Minutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("type=\"date\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("type=\"time\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("Tijdvak in minuten voor OND-", form.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"30\"", form.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, planned.Status);
        Assert.Equal("/wijken/ondiep", planned.Landed.AbsolutePath);
        Assert.Contains("De bespreking ‘Casuïstiek maart’ is gepland.", planned.Text, StringComparison.Ordinal);
        var meeting = await factory.QueryAsync(db => db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.NeighbourhoodId == ondiep && m.Title == "Casuïstiek maart"));
        Assert.Equal(new DateTime(2027, 3, 11, 18, 30, 0, DateTimeKind.Utc), meeting.ScheduledStartUtc);
        var item = Assert.Single(meeting.Agenda);
        Assert.Equal((firstCase, 45), (item.CaseFileId, item.TimeboxMinutes));
        Assert.True(await factory.AuditedAsync("Meeting", meeting.Id.ToString(), "success"));
    }

    [Fact]
    public async Task Summer_time_is_taken_into_account()
    {
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        await joost.SubmitAsync(Form, Form, new Dictionary<string, string> { ["Title"] = "Zomerbespreking", ["Date"] = "2027-06-10", ["Time"] = "12:00" });

        var start = await factory.QueryAsync(db => db.Meetings.Where(m => m.Title == "Zomerbespreking").Select(m => m.ScheduledStartUtc).SingleAsync());
        Assert.Equal(new DateTime(2027, 6, 10, 10, 0, 0, DateTimeKind.Utc), start);
    }

    [Fact]
    public async Task Member_who_is_not_chair_cannot_open_the_planning_form()
    {
        var before = await factory.QueryAsync(db => db.Meetings.CountAsync());
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var form = await kevin.OpenAsync(Form);
        var posted = await kevin.SubmitAsync("/", Form, new Dictionary<string, string> { ["Title"] = "Ongeoorloofd", ["Date"] = "2027-03-11", ["Time"] = "19:30" });
        var coordinator = await hanna.OpenAsync(Form);

        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.Status);
        Assert.Equal(before, await factory.QueryAsync(db => db.Meetings.CountAsync()));
        Assert.True(await factory.AuditedAsync("Meeting", null, "denied"));
    }

    [Fact]
    public async Task Invalid_plan_shows_Dutch_errors_next_to_the_fields_and_plans_nothing()
    {
        var before = await factory.QueryAsync(db => db.Meetings.CountAsync());
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");
        var firstCase = FirstListedCase(await joost.OpenAsync(Form)); // the row the errors below belong to

        var empty = await joost.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "",
            ["Date"] = "",
            ["Time"] = "",
            ["Agenda[0].CaseId"] = firstCase.ToString(),
            ["Agenda[0].Selected"] = "true",
            ["Agenda[0].Minutes"] = "500",
        });
        var springForward = await joost.SubmitAsync(Form, Form, new Dictionary<string, string> { ["Title"] = "Nachtbespreking", ["Date"] = "2027-03-28", ["Time"] = "02:30" });

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("id=\"Title-fout\">Geef de bespreking een titel.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"Date-fout\">Kies een datum.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"Time-fout\">Kies een begintijd.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"Agenda_0__Minutes-fout\">Een tijdvak duurt 5 tot 120 minuten.</p>", empty.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"#Agenda_0__Minutes\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Time-fout\">Dit tijdstip bestaat niet in Nederland", springForward.Text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Domain_refusal_becomes_an_error_on_the_form()
    {
        var before = await factory.QueryAsync(db => db.Meetings.CountAsync());
        var binnenstadCase = await factory.FirstCaseIdAsync("binnenstad");
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var page = await joost.SubmitAsync(Form, Form, new Dictionary<string, string>
        {
            ["Title"] = "Bespreking",
            ["Date"] = "2027-03-11",
            ["Time"] = "19:30",
            ["Agenda[0].CaseId"] = binnenstadCase.ToString(),
            ["Agenda[0].Selected"] = "true",
            ["Agenda[0].Minutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("id=\"Agenda-fout\">Alleen casussen van de eigen wijk kunnen op de agenda.</p>", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task The_form_lists_the_cases_ready_for_discussion_first_then_the_rest_by_code()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var lastDraft = await factory.QueryAsync(async db =>
        {
            var caseFile = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep && c.Status == Proeftuin.Core.Cases.CaseStatus.Draft)
                .OrderByDescending(c => c.Code).FirstAsync();
            caseFile.MarkReadyForDiscussion(0, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return caseFile.Code;
        });
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var form = await joost.OpenAsync(Form);

        var listed = System.Text.RegularExpressions.Regex.Matches(form.Html, "data-ready=\"(true|false)\"").Select(m => m.Groups[1].Value == "true").ToList();
        Assert.Contains(true, listed);
        Assert.Contains(false, listed);
        Assert.Equal(listed.OrderByDescending(ready => ready), listed);
        var firstNotReady = await FirstNotReadyCodeAsync(ondiep);
        Assert.True(form.Text.IndexOf(lastDraft, StringComparison.Ordinal) < form.Text.IndexOf(firstNotReady, StringComparison.Ordinal),
            $"{lastDraft}, just marked ready, is listed before {firstNotReady}, which is not ready.");
    }

    private Task<string> FirstNotReadyCodeAsync(Guid neighbourhoodId) =>
        factory.QueryAsync(db => db.CaseFiles
            .Where(c => c.NeighbourhoodId == neighbourhoodId && c.Status != Proeftuin.Core.Cases.CaseStatus.ReadyForDiscussion && c.Status != Proeftuin.Core.Cases.CaseStatus.Archived)
            .OrderBy(c => c.Code).Select(c => c.Code).FirstAsync());

    /// <summary>The case in the form's first agenda row (cases ready for discussion come first, so not simply the lowest code).</summary>
    private static Guid FirstListedCase(PageResult form) =>
        Guid.Parse(System.Text.RegularExpressions.Regex.Match(form.Html, "name=\"Agenda\\[0\\]\\.CaseId\" value=\"([0-9a-f-]+)\"").Groups[1].Value);
}
