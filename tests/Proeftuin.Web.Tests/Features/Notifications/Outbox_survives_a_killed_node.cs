using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MimeKit;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The real app in its own process on a SQLite file, mail to the file sink: the chair plans a meeting, so the
/// invitations are in the outbox, but the worker's next pass is an hour away; the node is killed (SIGKILL, no shutdown
/// at all) and started again on the same database and mail folder, and then every member gets exactly one invitation.
/// </summary>
public sealed class Outbox_survives_a_killed_node : IDisposable
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Title = "Na de crash";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "proeftuin-app-tests", Guid.NewGuid().ToString("N"));

    private string MailFolder => Path.Combine(_dataFolder, "mail");

    private string Database => $"Data Source={Path.Combine(_dataFolder, "proeftuin.db")};Pooling=False";

    [Fact]
    public async Task Invitations_written_before_a_SIGKILL_are_sent_exactly_once_after_the_restart()
    {
        List<string> recipients;
        await using (var first = await AppProcess.StartAsync(_dataFolder, pollInterval: TimeSpan.FromHours(1)))
        {
            await PlanAsync(first);

            // Written in the same transaction as the meeting, and not sent: the worker waits an hour before its next pass.
            recipients = await InvitationRecipientsAsync(sent: false);
            Assert.True(recipients.Count > 1, "the wijk has several members to invite");
            Assert.Empty(await InvitationRecipientsAsync(sent: true));
            Assert.Empty(InvitationMails());

            first.Kill();
        }

        await using var second = await AppProcess.StartAsync(_dataFolder, pollInterval: TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(async () => (await InvitationRecipientsAsync(sent: false)).Count == 0, "every invitation is marked sent after the restart");

        var mails = InvitationMails();
        Assert.Equal(recipients.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(recipients.Order(), (await InvitationRecipientsAsync(sent: true)).Order());
        Assert.All(mails, m => Assert.Contains(m.Attachments.OfType<TextPart>(), p => p.ContentType.IsMimeType("text", "calendar")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover in the temp folder, not a failed test.
        }
    }

    private async Task PlanAsync(AppProcess app)
    {
        var (wijk, caseFile) = await QueryAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT n.Id, c.Id FROM Neighbourhoods n JOIN CaseFiles c ON c.NeighbourhoodId = n.Id
                WHERE n.Slug = 'ondiep' AND c.Status <> 'Archived' ORDER BY c.Code LIMIT 1
                """;
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetGuid(0), reader.GetGuid(1));
        });

        using var chair = app.Client();
        using var landed = await BrowserlessLogin.LoginAsync(chair, Chair, DemoAccounts.Password, DemoAccounts.AuthenticatorKey, this);
        var start = new DateTimeOffset(2027, 3, 11, 19, 0, 0, TimeSpan.FromHours(1));
        using var planned = await chair.PostAsJsonAsync($"/api/neighbourhoods/{wijk}/meetings", new PlanMeetingRequest(Title, start, [new PlannedAgendaItem(caseFile, 30)]));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
    }

    /// <summary>The addresses of the invitations in the outbox that are (not) sent yet.</summary>
    private Task<List<string>> InvitationRecipientsAsync(bool sent) => QueryAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT p.Email FROM OutboxMessages o JOIN Professionals p ON p.Id = o.RecipientId
            WHERE o.Kind = 'MeetingPlanned' AND o.SentAtUtc IS {(sent ? "NOT NULL" : "NULL")}
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new List<string>();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    });

    private List<MimeMessage> InvitationMails() => !Directory.Exists(MailFolder) ? [] :
        [.. Directory.EnumerateFiles(MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).StartsWith($"Uitnodiging: {Title}", StringComparison.Ordinal))];

    private async Task<T> QueryAsync<T>(Func<SqliteConnection, Task<T>> query)
    {
        await using var connection = new SqliteConnection(Database);
        await connection.OpenAsync();
        return await query(connection);
    }
}
