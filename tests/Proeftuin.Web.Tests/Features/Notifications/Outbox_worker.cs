using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;
using Moq;
using Proeftuin.Web.Features.Notifications;

namespace Proeftuin.Web.Tests.Features.Notifications;

/// <summary>
/// The outbox worker against a real database on each provider, with a fake clock: back-off between failed attempts,
/// giving up after the maximum, re-claiming what a dead node held once its lease has run out, and two workers on one
/// database that never send one message twice.
/// </summary>
public sealed class Outbox_worker
{
    [Theory]
    [AllProviders]
    public async Task A_failed_send_is_retried_after_an_exponentially_growing_wait(DatabaseProvider provider)
    {
        await using var app = OutboxAppFactory.On(provider);
        var id = (await OutboxTestData.EnqueueAsync(app.Services))[0];
        var failures = 0;
        app.FailWhen = m => m.MessageId == OutboxTestData.MessageIdOf(id) && ++failures <= 2;
        var worker = app.Services.GetRequiredService<OutboxDispatcher>();

        await worker.RunOnceAsync(CancellationToken.None);
        var afterFirst = await OutboxTestData.RowAsync(app.Services, id);
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await worker.RunOnceAsync(CancellationToken.None);
        var tooEarly = await OutboxTestData.RowAsync(app.Services, id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        var afterSecond = await OutboxTestData.RowAsync(app.Services, id);
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await worker.RunOnceAsync(CancellationToken.None);
        Assert.Null((await OutboxTestData.RowAsync(app.Services, id)).SentAtUtc);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        var sent = await OutboxTestData.RowAsync(app.Services, id);

        Assert.Equal((1, (DateTime?)null, (DateTime?)null), (afterFirst.Attempts, afterFirst.SentAtUtc, afterFirst.AbandonedAtUtc));
        Assert.Equal("SmtpCommandException", afterFirst.LastError);
        Assert.Equal(1, tooEarly.Attempts);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(60), afterSecond.NextAttemptAtUtc - afterFirst.NextAttemptAtUtc);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Single(app.Delivered, m => m.MessageId == OutboxTestData.MessageIdOf(id));
    }

    [Theory]
    [AllProviders]
    public async Task A_message_that_keeps_failing_is_abandoned_after_the_maximum_attempts(DatabaseProvider provider)
    {
        await using var app = OutboxAppFactory.On(provider);
        var id = (await OutboxTestData.EnqueueAsync(app.Services))[0];
        app.FailWhen = m => m.MessageId == OutboxTestData.MessageIdOf(id);
        var worker = app.Services.GetRequiredService<OutboxDispatcher>();
        var maxAttempts = new OutboxOptions().MaxAttempts;

        for (var attempt = 0; attempt < maxAttempts + 2; attempt++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            app.Clock.Advance(new OutboxOptions().MaxBackoff);
        }

        var row = await OutboxTestData.RowAsync(app.Services, id);
        Assert.Equal(maxAttempts, row.Attempts);
        Assert.NotNull(row.AbandonedAtUtc);
        Assert.Null(row.SentAtUtc);
        app.Smtp.Verify(c => c.SendAsync(It.Is<MimeKit.MimeMessage>(m => m.MessageId == OutboxTestData.MessageIdOf(id)), It.IsAny<CancellationToken>(), It.IsAny<MailKit.ITransferProgress>()), Times.Exactly(maxAttempts));
    }

    [Theory]
    [AllProviders]
    public async Task A_message_claimed_by_a_node_that_died_is_sent_once_its_lease_has_expired(DatabaseProvider provider)
    {
        await using var app = OutboxAppFactory.On(provider);
        var id = (await OutboxTestData.EnqueueAsync(app.Services))[0];
        var lease = new OutboxOptions().Lease;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The dead node claimed it and never came back.
            Assert.NotNull(await OutboxClaims.TryClaimAsync(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>(), id, "dead-node", app.Clock.GetUtcNow().UtcDateTime, lease, CancellationToken.None));
        }

        var worker = app.Services.GetRequiredService<OutboxDispatcher>();
        await worker.RunOnceAsync(CancellationToken.None);
        app.Clock.Advance(lease - TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        var whileLeased = await OutboxTestData.RowAsync(app.Services, id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        await worker.RunOnceAsync(CancellationToken.None);
        var after = await OutboxTestData.RowAsync(app.Services, id);

        Assert.Equal(("dead-node", (DateTime?)null), (whileLeased.ClaimedBy, whileLeased.SentAtUtc));
        Assert.Equal(worker.Node, after.ClaimedBy);
        Assert.NotNull(after.SentAtUtc);
        Assert.Single(app.Delivered, m => m.MessageId == OutboxTestData.MessageIdOf(id));
    }

    [Theory]
    [AllProviders]
    public async Task Two_workers_over_one_database_never_send_a_message_twice(DatabaseProvider provider)
    {
        await using var app = OutboxAppFactory.On(provider);
        var ids = await OutboxTestData.EnqueueAsync(app.Services, rounds: 8);
        var first = app.Services.GetRequiredService<OutboxDispatcher>();
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);

        async Task DrainAsync(OutboxDispatcher worker)
        {
            for (var pass = 0; pass < 50 && ids.Any(id => !app.Delivered.Any(m => m.MessageId == OutboxTestData.MessageIdOf(id))); pass++)
            {
                await worker.RunOnceAsync(CancellationToken.None);
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        var delivered = app.Delivered.Select(m => m.MessageId).ToList();
        Assert.All(ids, id => Assert.Single(delivered, d => d == OutboxTestData.MessageIdOf(id)));
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        var senders = new HashSet<string?>();
        foreach (var id in ids)
        {
            var row = await OutboxTestData.RowAsync(app.Services, id);
            Assert.NotNull(row.SentAtUtc);
            senders.Add(row.ClaimedBy);
        }

        Assert.Subset(new HashSet<string?> { first.Node, second.Node }, senders);
    }
}
