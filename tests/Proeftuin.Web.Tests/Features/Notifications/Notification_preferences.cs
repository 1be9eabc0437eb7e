using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>A member chooses on the profile page which mails they get; every topic is on until they switch it off.</summary>
public sealed class Notification_preferences(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task A_member_switches_off_every_mail_but_invitations_and_the_profile_shows_it()
    {
        using var member = await factory.SignedInAsync(Member);
        var before = await member.GetStringAsync(new Uri("/account/profiel", UriKind.Relative));

        using var saved = await BrowserlessLogin.PostFormAsync(member, "/account/profiel", "/account/meldingen", new Dictionary<string, string> { ["topics"] = "Meetings" });
        var after = await saved.Content.ReadAsStringAsync();

        Assert.Contains("Meldingen per e-mail", before, StringComparison.Ordinal);
        Assert.Contains("id=\"topic-Reminders\" name=\"topics\" value=\"Reminders\" checked=\"checked\"", before, StringComparison.Ordinal);
        Assert.Contains("Je keuze voor e-mails is opgeslagen.", after, StringComparison.Ordinal);
        Assert.Contains("id=\"topic-Meetings\" name=\"topics\" value=\"Meetings\" checked=\"checked\"", after, StringComparison.Ordinal);
        Assert.Contains("id=\"topic-Reminders\" name=\"topics\" value=\"Reminders\" />", after, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var stored = await db.NotificationPreferences.Where(p => db.Professionals.Any(x => x.Id == p.ProfessionalId && x.Email == Member)).ToDictionaryAsync(p => p.Topic, p => p.Enabled);
        Assert.Equal(new Dictionary<NotificationTopic, bool>
        {
            [NotificationTopic.Meetings] = true, [NotificationTopic.Reminders] = false, [NotificationTopic.MinutesFinal] = false, [NotificationTopic.OverdueDigest] = false,
        }, stored);
    }

    [Fact]
    public async Task An_unknown_topic_changes_nothing()
    {
        using var member = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");

        using var response = await BrowserlessLogin.PostFormAsync(member, "/account/profiel", "/account/meldingen", new Dictionary<string, string> { ["topics"] = "Alles" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        Assert.False(await db.NotificationPreferences.AnyAsync(p => db.Professionals.Any(x => x.Id == p.ProfessionalId && x.Email == "esra.yilmaz@demo.proeftuin.nl")));
    }
}
