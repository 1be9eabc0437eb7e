using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Infrastructure.Security;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// Renders an outbox row into the mail to send, at send time, from what is stored now. A mail holds titles, dates,
/// case codes and links — never case text, never a recommendation's text — and its subject and body still pass the
/// <see cref="TextGuard"/> (a meeting title is typed by a person). Dutch: the members' working language.
/// </summary>
public sealed class NotificationMails(ProeftuinDbContext db, PublicAddress address, TextGuard guard)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(MeetingCalendarFile.TimeZoneId);

    public const string OrganizerEmail = "noreply@proeftuin.local";

    /// <summary>The result: a mail, or why there is none (the row is then abandoned).</summary>
    public sealed record Rendered(OutgoingMail? Mail, string? Skipped);

    public async Task<Rendered> RenderAsync(OutboxMessage message, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var recipient = await db.Professionals.AsNoTracking().Where(p => p.Id == message.RecipientId).Select(p => new { p.Email, p.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return new(null, "recipient-gone");
        }

        var topic = NotificationKinds.TopicOf(message.Kind);
        if (await db.NotificationPreferences.AnyAsync(p => p.ProfessionalId == message.RecipientId && p.Topic == topic && !p.Enabled, cancellationToken))
        {
            return new(null, "opted-out");
        }

        var messageId = $"{message.Id:N}@proeftuin";
        var draft = message.Kind == NotificationKind.OverdueDigest
            ? await DigestAsync(message.RecipientId, nowUtc, cancellationToken)
            : await MeetingMailAsync(message, recipient.Email, nowUtc, cancellationToken);
        if (draft is null)
        {
            return new(null, "nothing-to-say");
        }

        // What the server wrote itself (dates, case codes, links) is trusted; what people typed (the meeting's title, the
        // wijk's name) is not, so a finding in those refuses the mail.
        var typed = draft.Typed.Where(t => !string.IsNullOrEmpty(t)).ToList();
        var trusted = new[] { draft.Subject, draft.Body }.Select(text => typed.Aggregate(text, (rest, t) => rest.Replace(t, " ", StringComparison.Ordinal)));
        var verdict = await guard.CheckAsync(draft.CaseIds, [new GuardedField("subject", draft.Subject), new GuardedField("body", draft.Body)], cancellationToken, trusted);
        if (!verdict.IsClear)
        {
            // The rules that fired, for an operator; never the text they fired on.
            return new(null, "anonymization.open: " + string.Join(", ", verdict.Findings.Select(f => $"{f.Field}/{f.Finding.Category}/{f.Finding.Rule}").Distinct()));
        }

        return new(new OutgoingMail(recipient.Email, draft.Subject, draft.Body, messageId, draft.Attachments), null);
    }

    private sealed record Draft(string Subject, string Body, IReadOnlyCollection<Guid> CaseIds, IReadOnlyList<string> Typed, IReadOnlyList<MailAttachment>? Attachments = null);

    private async Task<Draft?> MeetingMailAsync(OutboxMessage message, string recipientEmail, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == message.MeetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var neighbourhood = await db.Neighbourhoods.AsNoTracking().Where(n => n.Id == meeting.NeighbourhoodId).Select(n => n.Name).FirstAsync(cancellationToken);
        var caseIds = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        var when = Local(meeting.ScheduledStartUtc).ToString("dddd d MMMM yyyy 'om' HH:mm", Dutch);
        var room = address.Link($"/besprekingen/{meeting.Id}");
        var body = new StringBuilder();
        string subject;
        switch (message.Kind)
        {
            case NotificationKind.MeetingPlanned or NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled:
                var cancelled = message.Kind == NotificationKind.MeetingCancelled;
                subject = message.Kind switch
                {
                    NotificationKind.MeetingPlanned => $"Uitnodiging: {meeting.Title} ({neighbourhood}), {when}",
                    NotificationKind.MeetingChanged => $"Gewijzigd: {meeting.Title} ({neighbourhood}), {when}",
                    _ => $"Geannuleerd: {meeting.Title} ({neighbourhood}), {when}",
                };
                body.Append(cancelled ? "De bespreking is geannuleerd: " : "Je bent uitgenodigd voor de bespreking ")
                    .Append(meeting.Title).Append(" van wijk ").Append(neighbourhood).Append(", ").Append(when).Append(" (Nederlandse tijd).\r\n\r\n");
                if (!cancelled)
                {
                    body.Append("De bespreking: ").Append(room).Append("\r\n\r\nDe uitnodiging in de bijlage zet haar in je agenda; een wijziging werkt dezelfde afspraak bij.\r\n");
                }

                var total = meeting.Agenda.Sum(a => a.TimeboxMinutes);
                var ics = MeetingCalendarFile.Attachment(new(meeting.Id, $"{meeting.Title} ({neighbourhood})", meeting.ScheduledStartUtc, total, message.CalendarSequence, cancelled, room, OrganizerEmail, recipientEmail, nowUtc));
                return new(subject, body.ToString(), caseIds, [meeting.Title, neighbourhood], [ics]);

            case NotificationKind.MeetingReminder:
                subject = $"Morgen: {meeting.Title} ({neighbourhood}), {when}";
                body.Append("Morgen is de bespreking ").Append(meeting.Title).Append(" van wijk ").Append(neighbourhood).Append(", ").Append(when).Append(".\r\n\r\n")
                    .Append("Bereid deze casussen voor:\r\n");
                var codes = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
                foreach (var item in meeting.Agenda)
                {
                    body.Append("- ").Append(codes.GetValueOrDefault(item.CaseFileId, "?")).Append(": ").Append(address.Link($"/casussen/{item.CaseFileId}")).Append("\r\n");
                }

                body.Append("\r\nDe bespreking: ").Append(room).Append("\r\n");
                return new(subject, body.ToString(), caseIds, [meeting.Title, neighbourhood]);

            case NotificationKind.MinutesFinal:
                subject = $"Verslag definitief: {meeting.Title} ({neighbourhood})";
                body.Append("Het verslag van de bespreking ").Append(meeting.Title).Append(" van wijk ").Append(neighbourhood).Append(" (").Append(when).Append(") is definitief.\r\n\r\n")
                    .Append("Lees het hier: ").Append(address.Link($"/besprekingen/{meeting.Id}/verslag")).Append("\r\n");
                return new(subject, body.ToString(), caseIds, [meeting.Title, neighbourhood]);

            default:
                return null;
        }
    }

    private async Task<Draft?> DigestAsync(Guid ownerId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Local(nowUtc));
        var overdue = await NotificationSchedule.Overdue(db.Recommendations.AsNoTracking(), today).Where(r => r.OwnerId == ownerId)
            .OrderBy(r => r.DueDate)
            .Select(r => new { r.Id, r.DueDate, r.CaseFileId, r.MeetingId })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return null;
        }

        var caseIds = overdue.Where(r => r.CaseFileId is not null).Select(r => r.CaseFileId!.Value).Distinct().ToList();
        var codes = await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var body = new StringBuilder()
            .Append(overdue.Count == 1 ? "Eén actie van jou is over de datum:" : $"{overdue.Count} acties van jou zijn over de datum:").Append("\r\n\r\n");
        foreach (var action in overdue)
        {
            body.Append("- verwacht ").Append(action.DueDate!.Value.ToString("d MMMM yyyy", Dutch));
            if (action.CaseFileId is { } caseId)
            {
                body.Append(", casus ").Append(codes.GetValueOrDefault(caseId, "?")).Append(": ").Append(address.Link($"/casussen/{caseId}"));
            }
            else if (action.MeetingId is { } meetingId)
            {
                body.Append(": ").Append(address.Link($"/besprekingen/{meetingId}/verslag"));
            }

            body.Append("\r\n");
        }

        body.Append("\r\nMeldingen aanpassen: ").Append(address.Link("/account/profiel#meldingen")).Append("\r\n");
        return new($"Je acties over de datum ({overdue.Count})", body.ToString(), caseIds, []);
    }

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);
}
