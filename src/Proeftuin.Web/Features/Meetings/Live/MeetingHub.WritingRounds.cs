using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// "Eerst schrijven, dan delen": the chair opens a round with a question, everyone writes on their own, the chair
/// reveals all answers at once. Until the reveal an answer travels only back to its author: the room hears that
/// somebody wrote, never what.
/// </summary>
public sealed partial class MeetingHub
{
    public async Task<HubResult<WritingRoundView>> OpenWritingRound(string prompt)
    {
        var result = await ChairAsync("open-writing-round", async (meeting, now) =>
        {
            if (await db.WritingRounds.AnyAsync(r => r.MeetingId == meeting.Id && r.RevealedAtUtc == null, Context.ConnectionAborted))
            {
                throw new DomainException("round.open", "Er loopt al een schrijfronde. Deel die eerst.");
            }

            db.WritingRounds.Add(new WritingRound(Guid.NewGuid(), meeting, prompt, now));
        });
        if (!result.Ok)
        {
            return HubResult<WritingRoundView>.Fail(result.Error!.Code, result.Error.Message);
        }

        var meetingId = presence.MeetingOf(Context.ConnectionId)!.Value;
        var round = await db.WritingRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.MeetingId == meetingId).OrderByDescending(r => r.OpenedAtUtc).FirstAsync(Context.ConnectionAborted);
        var view = await WritingRoundViewAsync(round);
        await Clients.Group(Group(meetingId)).WritingRoundChanged(view);
        return HubResult<WritingRoundView>.Success(view);
    }

    /// <summary>Writes or rewrites the caller's own answer. The answer must not identify anybody.</summary>
    public async Task<HubResult<WritingRoundView>> WriteEntry(Guid roundId, string text)
    {
        var (round, meeting, error) = await WritingRoundOfMeetingAsync(roundId);
        if (error is not null)
        {
            return HubResult<WritingRoundView>.Fail(error.Code, error.Message);
        }

        // Checked before it is stored, so an unchecked answer can never be revealed to the room.
        var verdict = await textGuard.CheckAsync(await AgendaCasesAsync(meeting!.Id), Context.ConnectionAborted, new GuardedField("text", text ?? string.Empty));
        if (!verdict.IsClear)
        {
            return HubResult<WritingRoundView>.Refused(verdict);
        }

        try
        {
            round!.Write(access.UserId, text!, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        catch (DomainException failure)
        {
            return HubResult<WritingRoundView>.Fail(failure.Code, failure.Message);
        }

        await audit.RecordAsync(new AuditEvent("write-entry", "success", "WritingRound", round.Id.ToString(), meeting!.NeighbourhoodId, "Member"));

        // The room learns only that one more answer exists; the author gets their own text back.
        await Clients.OthersInGroup(Group(meeting.Id)).WritingRoundChanged(await WritingRoundViewAsync(round, viewerId: null));
        return HubResult<WritingRoundView>.Success(await WritingRoundViewAsync(round));
    }

    public async Task<HubResult<WritingRoundView>> RevealWritingRound(Guid roundId)
    {
        Anonymization.GuardVerdict? refused = null;
        var result = await ChairAsync("reveal-writing-round", async (meeting, now) =>
        {
            var round = await db.WritingRounds.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId && r.MeetingId == meeting.Id, Context.ConnectionAborted)
                ?? throw new DomainException("round.unknown", "Deze schrijfronde hoort niet bij deze bespreking.");

            // Guarded names may have been added since an answer was written: check every answer again before the room
            // sees them. The error names whose answer it is (field "entry:{author}"), never the text.
            var entries = round.Entries.Select(e => new GuardedField($"entry:{e.AuthorId}", e.Text)).ToList();
            refused = await textGuard.CheckAsync(await AgendaCasesAsync(meeting.Id), entries, Context.ConnectionAborted);
            if (!refused.IsClear)
            {
                throw new DomainException(Anonymization.GuardVerdict.ErrorCode, refused.Message);
            }

            round.Reveal(now);
        });
        if (!result.Ok)
        {
            return refused is { IsClear: false } ? HubResult<WritingRoundView>.Refused(refused) : HubResult<WritingRoundView>.Fail(result.Error!.Code, result.Error.Message);
        }

        var revealed = await db.WritingRounds.AsNoTracking().Include(r => r.Entries).FirstAsync(r => r.Id == roundId, Context.ConnectionAborted);
        var view = await WritingRoundViewAsync(revealed);
        await Clients.Group(Group(revealed.MeetingId)).WritingRoundChanged(view);
        return HubResult<WritingRoundView>.Success(view);
    }

    private async Task<IReadOnlyCollection<Guid>> AgendaCasesAsync(Guid meetingId) =>
        await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(Context.ConnectionAborted);

    /// <summary>The rounds of a meeting as the caller may see them, for the join snapshot.</summary>
    private async Task<IReadOnlyList<WritingRoundView>> WritingRoundsForAsync(Guid meetingId)
    {
        var rounds = await db.WritingRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.MeetingId == meetingId).OrderBy(r => r.OpenedAtUtc).ToListAsync(Context.ConnectionAborted);
        var views = new List<WritingRoundView>();
        foreach (var round in rounds)
        {
            views.Add(await WritingRoundViewAsync(round));
        }

        return views;
    }

    private Task<WritingRoundView> WritingRoundViewAsync(WritingRound round) => WritingRoundViewAsync(round, access.UserId);

    /// <summary>A round as <paramref name="viewerId"/> may see it; a null viewer sees no unrevealed answer at all.</summary>
    private async Task<WritingRoundView> WritingRoundViewAsync(WritingRound round, Guid? viewerId)
    {
        IReadOnlyList<WritingEntry> visible = viewerId is { } viewer ? round.VisibleTo(viewer)
            : round.IsRevealed ? [.. round.Entries.OrderBy(e => e.WrittenAtUtc)] : [];
        var authorIds = visible.Select(e => e.AuthorId).ToList();
        var authors = await db.Professionals.AsNoTracking().Where(p => authorIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.DisplayName, p.Discipline), Context.ConnectionAborted);
        return new WritingRoundView(
            round.Id,
            round.AgendaItemId,
            round.Prompt,
            round.IsRevealed ? "Revealed" : "Open",
            [.. round.Entries.Select(e => e.AuthorId)],
            [.. visible.Select(e => new WritingEntryView(e.AuthorId, authors[e.AuthorId].DisplayName, authors[e.AuthorId].Discipline.ToString(), e.Text, e.WrittenAtUtc))]);
    }

    private async Task<(WritingRound? Round, Meeting? Meeting, HubError? Error)> WritingRoundOfMeetingAsync(Guid roundId)
    {
        access.UseUser(Context.User);
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null)
        {
            return (null, null, new HubError("meeting.not-joined", "Neem eerst deel aan de bespreking."));
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, Context.ConnectionAborted);
        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, Context.ConnectionAborted))
        {
            return (null, null, new HubError("forbidden", "Je bent geen lid van de wijk van deze bespreking."));
        }

        if (meeting.Status != MeetingStatus.Live)
        {
            return (null, null, new HubError("meeting.status", "Schrijven kan alleen tijdens een lopende bespreking."));
        }

        var round = await db.WritingRounds.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == roundId && r.MeetingId == meeting.Id, Context.ConnectionAborted);
        return round is null
            ? (null, null, new HubError("round.unknown", "Deze schrijfronde hoort niet bij deze bespreking."))
            : (round, meeting, null);
    }
}
