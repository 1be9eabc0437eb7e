using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Proeftuin.Core.Cases;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The real app in its own process on a SQLite file, mail to the file sink: the chair plans a meeting on a node that
/// sends nothing, so the invitations are in the outbox but not sent; the node is killed (SIGKILL, no shutdown at all)
/// and started again on the same database and mail folder, and then every member gets exactly one invitation; on
/// PostgreSQL the restart is two nodes at once, racing for the same messages.
/// </summary>
public sealed class Outbox_survives_a_killed_node : IDisposable
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Title = "Na de crash";

    private readonly string _dataFolder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "proeftuin-app-tests", Guid.NewGuid().ToString("N"))).FullName;

    private string MailFolder => Path.Combine(_dataFolder, "mail");

    [Fact]
    public async Task Invitations_written_before_a_SIGKILL_are_sent_exactly_once_after_the_restart()
    {
        var database = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataFolder, "proeftuin.db")};Pooling=False");
        var recipients = await PlanAndKillAsync(database);

        await using var second = await AppProcess.StartAsync(_dataFolder, TimeSpan.FromSeconds(1), database);
        await AssertSentOnceAsync(database, recipients);
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_send_each_invitation_written_before_a_SIGKILL_exactly_once()
    {
        await using var postgres = TestDatabase.CreatePostgres();
        var recipients = await PlanAndKillAsync(postgres.Settings);

        // Two nodes start together and poll often, so both reach for the same messages: the claims give each to one.
        var nodes = await Task.WhenAll(
            AppProcess.StartAsync(_dataFolder, TimeSpan.FromMilliseconds(200), postgres.Settings),
            AppProcess.StartAsync(_dataFolder, TimeSpan.FromMilliseconds(200), postgres.Settings));
        try
        {
            await AssertSentOnceAsync(postgres.Settings, recipients);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Plans the meeting on a node that sends nothing, checks the invitations are written in the same transaction and
    /// not sent, then SIGKILLs the node; returns the addresses to invite. (A node whose worker merely waits long between
    /// passes would race: its first pass runs at start-up in the background and can still be looking for due messages
    /// when the meeting is planned, which on a loaded machine would send the invitations before the kill.)
    /// </summary>
    private async Task<List<string>> PlanAndKillAsync(DatabaseSettings database)
    {
        await using var first = await AppProcess.StartAsync(_dataFolder, pollInterval: null, database);
        await PlanAsync(first, database);

        var recipients = await InvitationRecipientsAsync(database, sent: false);
        Assert.True(recipients.Count > 1, "the wijk has several members to invite");
        Assert.Empty(await InvitationRecipientsAsync(database, sent: true));
        Assert.Empty(InvitationMails());

        first.Kill();
        return recipients;
    }

    private async Task AssertSentOnceAsync(DatabaseSettings database, List<string> recipients)
    {
        await Eventually.UntilAsync(async () => (await InvitationRecipientsAsync(database, sent: false)).Count == 0, "every invitation is marked sent after the restart");

        var mails = InvitationMails();
        Assert.Equal(recipients.Order(), mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(recipients.Order(), (await InvitationRecipientsAsync(database, sent: true)).Order());
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

    private async Task PlanAsync(AppProcess app, DatabaseSettings database)
    {
        var (neighbourhood, caseFile) = await QueryAsync(database, async db =>
        {
            var neighbourhood = await db.Neighbourhoods.Where(n => n.Slug == "ondiep").Select(n => n.Id).SingleAsync();
            return (neighbourhood, await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood && c.Status != CaseStatus.Archived).OrderBy(c => c.Code).Select(c => c.Id).FirstAsync());
        });

        using var chair = app.Client();
        using var landed = await BrowserlessLogin.LoginAsync(chair, Chair, DemoAccounts.Password, DemoAccounts.AuthenticatorKey, this);
        var start = new DateTimeOffset(2027, 3, 11, 19, 0, 0, TimeSpan.FromHours(1));
        using var planned = await chair.PostAsJsonAsync($"/api/neighbourhoods/{neighbourhood}/meetings", new PlanMeetingRequest(Title, start, [new PlannedAgendaItem(caseFile, 30)]));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
    }

    /// <summary>The addresses of the invitations in the outbox that are (not) sent yet.</summary>
    private static Task<List<string>> InvitationRecipientsAsync(DatabaseSettings database, bool sent) => QueryAsync(database, db =>
        db.OutboxMessages.Where(o => o.Kind == NotificationKind.MeetingPlanned && (o.SentAtUtc != null) == sent)
            .Join(db.Professionals, o => o.RecipientId, p => p.Id, (_, p) => p.Email).ToListAsync());

    private List<MimeMessage> InvitationMails() => !Directory.Exists(MailFolder) ? [] :
        [.. Directory.EnumerateFiles(MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).StartsWith($"Uitnodiging: {Title}", StringComparison.Ordinal))];

    private static async Task<T> QueryAsync<T>(DatabaseSettings database, Func<ProeftuinDbContext, Task<T>> query)
    {
        await using var db = new ProeftuinDbContext(ProeftuinDatabase.Options(database));
        return await query(db);
    }
}
