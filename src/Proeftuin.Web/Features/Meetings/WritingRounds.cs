using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>What a written answer means for the room: the author's own view and what everyone else may see.</summary>
public sealed record WrittenEntry(WritingRoundView ForAuthor, WritingRoundView ForOthers);

/// <summary>
/// "Eerst schrijven, dan delen": the chair opens a round with a question, everyone writes on their own, the chair
/// reveals all answers at once. Until the reveal an answer is shown only to its author: the others see that somebody
/// wrote, never what. Every answer passes the anonymisation guard, when written and again at the reveal.
/// </summary>
public sealed class WritingRounds(ProeftuinDbContext db, MeetingConduct conduct, Anonymization.TextGuard textGuard, AuditLog audit, TimeProvider time)
{
    public async Task<HubResult<WritingRoundView>> OpenAsync(MeetingSeat chair, string prompt, CancellationToken cancellationToken)
    {
        var opened = await conduct.ChangeAsync(chair, "open-writing-round", async (meeting, now) =>
        {
            if (await db.WritingRounds.AnyAsync(r => r.MeetingId == meeting.Id && r.RevealedAtUtc == null, cancellationToken))
            {
                throw new DomainException("round.open", "Er loopt al een schrijfronde. Deel die eerst.");
            }

            db.WritingRounds.Add(new WritingRound(Guid.NewGuid(), meeting, prompt, now));
        }, cancellationToken);
        if (!opened.Ok)
        {
            return opened.As<WritingRoundView>();
        }

        var round = await db.WritingRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.MeetingId == chair.MeetingId).OrderByDescending(r => r.OpenedAtUtc).FirstAsync(cancellationToken);
        return HubResult<WritingRoundView>.Success(await ViewAsync(round, chair.UserId, cancellationToken));
    }

    /// <summary>Writes or rewrites the member's own answer during a live meeting; an identifying answer is refused before it is stored.</summary>
    public async Task<HubResult<WrittenEntry>> WriteAsync(MeetingSeat member, Guid roundId, string? text, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == member.MeetingId && m.Status == MeetingStatus.Live, cancellationToken))
        {
            return HubResult<WrittenEntry>.Fail("meeting.status", "Schrijven kan alleen tijdens een lopende bespreking.");
        }

        var round = await db.WritingRounds.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId && r.MeetingId == member.MeetingId, cancellationToken);
        if (round is null)
        {
            return HubResult<WrittenEntry>.Fail("round.unknown", "Deze schrijfronde hoort niet bij deze bespreking.");
        }

        var verdict = await textGuard.CheckAsync(await AgendaCasesAsync(member.MeetingId, cancellationToken), cancellationToken, new GuardedField("text", text ?? string.Empty));
        if (!verdict.IsClear)
        {
            return HubResult<WrittenEntry>.Refused(verdict);
        }

        try
        {
            round.Write(member.UserId, text!, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException failure)
        {
            return HubResult<WrittenEntry>.Fail(failure.Code, failure.Message);
        }

        await audit.RecordAsync(new AuditEvent("write-entry", "success", "WritingRound", round.Id.ToString(), member.NeighbourhoodId, "Member"), cancellationToken);
        return HubResult<WrittenEntry>.Success(new WrittenEntry(
            await ViewAsync(round, member.UserId, cancellationToken), await ViewAsync(round, viewerId: null, cancellationToken)));
    }

    public async Task<HubResult<WritingRoundView>> RevealAsync(MeetingSeat chair, Guid roundId, CancellationToken cancellationToken)
    {
        Anonymization.GuardVerdict? refused = null;
        var revealed = await conduct.ChangeAsync(chair, "reveal-writing-round", async (meeting, now) =>
        {
            var round = await db.WritingRounds.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId && r.MeetingId == meeting.Id, cancellationToken)
                ?? throw new DomainException("round.unknown", "Deze schrijfronde hoort niet bij deze bespreking.");

            // Guarded names may have been added since an answer was written: check every answer again before the room
            // sees them. The error names whose answer it is (field "entry:{author}"), never the text.
            var entries = round.Entries.Select(e => new GuardedField($"entry:{e.AuthorId}", e.Text)).ToList();
            refused = await textGuard.CheckAsync(await AgendaCasesAsync(meeting.Id, cancellationToken), entries, cancellationToken);
            if (!refused.IsClear)
            {
                throw new DomainException(Anonymization.GuardVerdict.ErrorCode, refused.Message);
            }

            round.Reveal(now);
        }, cancellationToken);
        if (!revealed.Ok)
        {
            return refused is { IsClear: false } ? HubResult<WritingRoundView>.Refused(refused) : revealed.As<WritingRoundView>();
        }

        var round = await db.WritingRounds.AsNoTracking().Include(r => r.Entries).FirstAsync(r => r.Id == roundId, cancellationToken);
        return HubResult<WritingRoundView>.Success(await ViewAsync(round, chair.UserId, cancellationToken));
    }

    /// <summary>The rounds of a meeting as <paramref name="viewerId"/> may see them, for the join snapshot.</summary>
    public async Task<IReadOnlyList<WritingRoundView>> ForMeetingAsync(Guid meetingId, Guid viewerId, CancellationToken cancellationToken)
    {
        var rounds = await db.WritingRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.MeetingId == meetingId).OrderBy(r => r.OpenedAtUtc).ToListAsync(cancellationToken);
        var views = new List<WritingRoundView>();
        foreach (var round in rounds)
        {
            views.Add(await ViewAsync(round, viewerId, cancellationToken));
        }

        return views;
    }

    /// <summary>A round as <paramref name="viewerId"/> may see it; a null viewer sees no unrevealed answer at all.</summary>
    private async Task<WritingRoundView> ViewAsync(WritingRound round, Guid? viewerId, CancellationToken cancellationToken)
    {
        IReadOnlyList<WritingEntry> visible = viewerId is { } viewer ? round.VisibleTo(viewer)
            : round.IsRevealed ? [.. round.Entries.OrderBy(e => e.WrittenAtUtc)] : [];
        var authorIds = visible.Select(e => e.AuthorId).ToList();
        var authors = await db.Professionals.AsNoTracking().Where(p => authorIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.DisplayName, p.Discipline), cancellationToken);
        return new WritingRoundView(
            round.Id,
            round.AgendaItemId,
            round.Prompt,
            round.IsRevealed ? "Revealed" : "Open",
            [.. round.Entries.Select(e => e.AuthorId)],
            [.. visible.Select(e => new WritingEntryView(e.AuthorId, authors[e.AuthorId].DisplayName, authors[e.AuthorId].Discipline.ToString(), e.Text, e.WrittenAtUtc))]);
    }

    private async Task<IReadOnlyCollection<Guid>> AgendaCasesAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(cancellationToken);
}
