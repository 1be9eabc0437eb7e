using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Mail;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// One pass of the outbox on this node: enqueue what the clock makes due, then claim due messages one by one, render
/// and send each, and mark it sent (or failed, with back-off). Separate from the hosted loop so tests drive passes with
/// a fake clock. Sending happens after the claim is committed and before it is marked sent: a crash in between leaves
/// the message claimed until its lease runs out, then another pass sends it again with the same Message-ID.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailSender mail,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>This node's name in <c>ClaimedBy</c>: machine, process and a random part (two apps in one process in tests).</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs one pass; returns how many messages this node sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await NotificationSchedule.EnqueueDueAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await OutboxClaims.DueAsync(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>(), clock.GetUtcNow().UtcDateTime, settings.BatchSize, cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, settings, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(Guid id, OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        if (await OutboxClaims.TryClaimAsync(db, id, Node, clock.GetUtcNow().UtcDateTime, settings.Lease, cancellationToken) is not { } token)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
        try
        {
            var rendered = await scope.ServiceProvider.GetRequiredService<NotificationMails>().RenderAsync(message, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (rendered.Mail is null)
            {
                await OutboxClaims.AbandonAsync(db, id, token, clock.GetUtcNow().UtcDateTime, rendered.Skipped!, cancellationToken);
                logger.LogInformation("Outbox: {Kind} {Id} niet verstuurd ({Reason})", message.Kind, id, rendered.Skipped);
                return false;
            }

            await mail.SendAsync(rendered.Mail, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: a transport's message may quote the address.
            await OutboxClaims.FailAsync(db, id, token, message.Attempts, clock.GetUtcNow().UtcDateTime, ex.GetType().Name, settings, cancellationToken);
            logger.LogWarning("Outbox: {Kind} {Id} poging {Attempt} mislukt ({Error})", message.Kind, id, message.Attempts + 1, ex.GetType().Name);
            return false;
        }

        if (await OutboxClaims.MarkSentAsync(db, id, token, clock.GetUtcNow().UtcDateTime, cancellationToken) == 0)
        {
            logger.LogWarning("Outbox: {Id} verstuurd nadat de claim was verlopen; een andere node kan hem opnieuw sturen (zelfde Message-ID)", id);
        }

        return true;
    }
}
