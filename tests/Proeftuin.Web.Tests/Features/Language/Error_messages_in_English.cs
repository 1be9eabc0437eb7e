using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Infrastructure.Identity;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Language;

/// <summary>
/// Every message a user can get from a domain rule, a hub method or an API call exists in English too, also when it
/// carries values (a limit, a code, what was not found), and an English request gets it in English with its values.
/// </summary>
public sealed partial class Error_messages_in_English(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private static readonly CultureInfo English = LocalizationSetup.English;

    [Fact]
    public void Every_error_message_written_in_the_source_has_an_English_translation()
    {
        var localizer = Localizer();
        var messages = ErrorMessagesInSource().ToList();
        var missing = messages
            .Where(m => ErrorText.Translate(localizer, Sample(m.Template), English) == Sample(m.Template))
            .Select(m => $"{m.File}: {m.Template}")
            .Distinct()
            .ToList();

        Assert.True(messages.Count > 100, $"Only {messages.Count} messages found: the source scan no longer sees them.");
        Assert.True(missing.Count == 0, "No English for:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("Kies maximaal 8 thema's.", "Choose at most 8 themes.")]
    [InlineData("Casuscode OND-2026-007 bestaat al in deze wijk.", "Case code OND-2026-007 already exists in this wijk.")]
    [InlineData("Deze bespreking bestaat niet.", "This meeting does not exist.")]
    [InlineData("Het verslag van deze bespreking bestaat niet.", "The minutes of this meeting do not exist.")]
    [InlineData("Onbekende pijler 'Zorg (extra)'.", "Unknown pillar 'Zorg (extra)'.")]
    [InlineData("Een tijdvak duurt 5 tot 120 minuten.", "A timebox lasts 5 to 120 minutes.")]
    [InlineData("De wijziging is ongeldig (te groot getal).", "The change is invalid (number too large).")]
    [InlineData("Onbekende versie 12 (het document is bij versie 9).", "Unknown version 12 (the document is at version 9).")]
    [InlineData("De casustekst is te lang (maximaal 20000 tekens).", "The case text is too long (at most 20000 characters).")]
    [InlineData("De opmerking is te lang (maximaal 500 tekens).", "The remark is too long (at most 500 characters).")]
    [InlineData(
        "De tekst bevat 2 mogelijk identificerende gegevens. Vervang ze (bijvoorbeeld door [naam], [telefoonnummer]) en probeer het opnieuw. Er is niets opgeslagen.",
        "The text contains 2 possibly identifying details. Replace them (for example with [naam], [telefoonnummer]) and try again. Nothing was saved.")]
    public void A_message_with_values_is_translated_with_the_same_values(string dutch, string english) =>
        Assert.Equal(english, ErrorText.Translate(Localizer(), dutch, English));

    [Fact]
    public void Identity_s_password_and_account_errors_have_English_too()
    {
        var dutch = new DutchIdentityErrors();
        IdentityError[] errors =
        [
            dutch.PasswordTooShort(12), dutch.PasswordRequiresDigit(), dutch.PasswordRequiresUpper(), dutch.PasswordRequiresLower(),
            dutch.DuplicateEmail("a@b.nl"), dutch.InvalidToken(), BreachedPasswordValidator.Breached,
        ];

        var untranslated = errors.Where(e => ErrorText.Translate(Localizer(), e.Description, English) == e.Description).Select(e => e.Code).ToList();

        Assert.Empty(untranslated);
        Assert.Equal("A password has at least 12 characters.", ErrorText.Translate(Localizer(), dutch.PasswordTooShort(12).Description, English));
    }

    [Fact]
    public void Dutch_stays_as_it_is_and_an_unknown_message_is_not_lost() =>
        Assert.Equal(
            ["Kies maximaal 8 thema's.", "Iets wat niemand ooit schreef 42."],
            [ErrorText.Translate(Localizer(), "Kies maximaal 8 thema's.", LocalizationSetup.Dutch), ErrorText.Translate(Localizer(), "Iets wat niemand ooit schreef 42.", English)]);

    [Fact]
    public async Task An_English_api_call_gets_its_ProblemDetails_in_English_with_the_limit_filled_in()
    {
        using var client = await factory.SignedInAsync("youssef.benali@demo.proeftuin.nl");
        using var response = await client.PostAsJsonAsync(new Uri("/api/anonymization/scan?culture=en-GB", UriKind.Relative), new { text = new string('a', 200_001) });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = problem.GetProperty("detail").GetString() ?? string.Empty;
        Assert.True(Regex.IsMatch(detail, @"^Send a text of at most \d+ characters\.$"), detail);
    }

    [Fact]
    public async Task An_English_hub_connection_gets_a_refused_rule_in_English_with_the_value_filled_in()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("binnenstad");
        await using var chair = await HubConnections.ConnectAsync(factory, "ingrid.meijer@demo.proeftuin.nl", path: MeetingHub.Path + "?culture=en-GB");
        await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));

        var refused = await chair.InvokeAsync<HubResult<RecommendationView>>(nameof(MeetingHub.AddRecommendation),
            new RecommendationInput("Een vaste contactpersoon", ["Zorgpijler"], "Case", [], null, null, null));

        Assert.False(refused.Ok);
        Assert.Equal("recommendation.pillars", refused.Error!.Code);
        Assert.Equal("Unknown pillar 'Zorgpijler'.", refused.Error.Message);
    }

    private IStringLocalizer<ErrorText> Localizer() => factory.Services.GetRequiredService<IStringLocalizer<ErrorText>>();

    /// <summary>A template with its holes filled by sample values, as the code would produce it.</summary>
    private static string Sample(string template) => Hole().Replace(template, hole => $"x{hole.Groups[1].Value}7");

    /// <summary>
    /// The Dutch messages of the calls that put a message in front of a user: domain rules, refused edits of the live
    /// protocol, hub refusals, ProblemDetails and the field rules of <c>Guard</c>; an interpolated message becomes its template ("{x}" → "{0}").
    /// </summary>
    private static IEnumerable<(string File, string Template)> ErrorMessagesInSource()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.Contains("Migrations", StringComparison.Ordinal))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match call in MessageCall().Matches(source))
            {
                var literal = call.Groups["text"].Value;
                var index = 0;
                var template = call.Groups["interpolated"].Success
                    ? Interpolation().Replace(literal, _ => $"{{{index++}}}")
                    : literal;
                template = template.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
                if (template.Any(char.IsLetter))
                {
                    yield return (Path.GetRelativePath(RepositoryRoot.Path, file), template);
                }
            }
        }
    }

    [GeneratedRegex(@"(?:new DomainException\(\s*""[^""]*""\s*,|OperationException\(\s*""[^""]*""\s*,|new\(\s*""operation\.[^""]*""\s*,|\bMalformed\(|\bFail\(\s*""[^""]*""\s*,|new HubError\(\s*""[^""]*""\s*,|ProblemResults\.(?:Invalid|NotFound)\(|Guard\.(?:Required|Optional)\([^,()]+,\s*""[^""]*""\s*,)\s*(?<interpolated>\$)?""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex MessageCall();

    [GeneratedRegex(@"(?<!\{)\{(?!\{)[^{}]+\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Hole();
}
