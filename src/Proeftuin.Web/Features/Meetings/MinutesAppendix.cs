using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The part of the verslag that is read from the records rather than typed: every recommendation under the case it was
/// written for (and the meeting as a whole) with owner and due date (dd-mm-jjjj), the writing rounds' revealed answers
/// (by discipline) and the evaluation (average and remarks, never who gave which). Built when the verslag is read, so an
/// evaluation given after closing is in it too; the co-edited text above it stays the participants' own.
/// </summary>
public sealed class MinutesAppendix(ProeftuinDbContext db, RecommendationCompilation recommendations, TextGuard guard)
{
    public async Task<string> ForMeetingAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var cases = await (from a in db.AgendaItems.AsNoTracking()
                           join c in db.CaseFiles.AsNoTracking() on a.CaseFileId equals c.Id
                           where a.MeetingId == meetingId
                           orderby a.Position
                           select new MinutesAppendixCase(c.Id, c.Code, c.Title)).ToListAsync(cancellationToken);
        var made = await ExportScreen.ScreenAsync(await recommendations.ForMeetingAsync(meetingId, cancellationToken), guard, cancellationToken);
        var rounds = await db.WritingRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.MeetingId == meetingId && r.RevealedAtUtc != null).OrderBy(r => r.OpenedAtUtc).ToListAsync(cancellationToken);
        var authorIds = rounds.SelectMany(r => r.Entries).Select(e => e.AuthorId).Distinct().ToList();
        var disciplines = await db.Professionals.AsNoTracking().Where(p => authorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Discipline, cancellationToken);
        var evaluations = await db.MeetingEvaluations.AsNoTracking().Where(e => e.MeetingId == meetingId)
            .OrderBy(e => e.SubmittedAtUtc).Select(e => new { e.Score, e.Remark }).ToListAsync(cancellationToken);

        // Remarks are not guarded when they are given: one with a possible identifying detail stays out of the verslag.
        var remarks = new List<string>();
        foreach (var remark in evaluations.Select(e => e.Remark?.Trim()).Where(r => !string.IsNullOrEmpty(r)))
        {
            if ((await guard.CheckAsync([.. cases.Select(c => c.Id)], cancellationToken, new GuardedField("remark", remark!))).IsClear)
            {
                remarks.Add(remark!);
            }
        }

        return Render(new MinutesAppendixContent
        {
            Cases = cases,
            Recommendations = made,
            Rounds = [.. rounds.Select(r => new MinutesAppendixRound(r.Prompt, [.. r.Entries.OrderBy(e => e.WrittenAtUtc)
                .Select(e => (DisciplineNames.Dutch(disciplines.GetValueOrDefault(e.AuthorId)), e.Text))]))],
            Scores = [.. evaluations.Select(e => e.Score)],
            Remarks = remarks,
            RemarksHeldBack = evaluations.Count(e => !string.IsNullOrWhiteSpace(e.Remark)) - remarks.Count,
        });
    }

    /// <summary>The appendix in Markdown; pure, so its layout is tested without a database.</summary>
    public static string Render(MinutesAppendixContent content)
    {
        var text = new StringBuilder();
        text.Append("## Aanbevelingen per casus\n\n");
        foreach (var item in content.Cases)
        {
            text.Append("### ").Append(item.Code).Append(" — ").Append(item.Title).Append("\n\n");
            List(text, content.Recommendations.Where(r => r.CaseFileId == item.Id));
        }

        var known = content.Cases.Select(c => c.Id).ToHashSet();
        text.Append("### De bespreking als geheel\n\n");
        List(text, content.Recommendations.Where(r => r.CaseFileId is not { } id || !known.Contains(id)));

        foreach (var round in content.Rounds)
        {
            text.Append("## Schrijfronde: ").Append(round.Prompt).Append("\n\n");
            if (round.Answers.Count == 0)
            {
                text.Append("- Geen antwoorden.\n");
            }

            foreach (var (discipline, answer) in round.Answers)
            {
                text.Append("- ").Append(discipline).Append(": ").Append(OneLine(answer)).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("## Evaluatie\n\n");
        if (content.Scores.Count == 0)
        {
            text.Append("Nog niet beoordeeld.\n");
            return text.ToString();
        }

        var average = Math.Round(content.Scores.Average(), 1).ToString("0.0", CultureInfo.GetCultureInfo("nl-NL"));
        text.Append("Gemiddeld cijfer: ").Append(average).Append(" (").Append(content.Scores.Count)
            .Append(content.Scores.Count == 1 ? " beoordeling" : " beoordelingen").Append(").\n\n");
        if (content.Remarks.Count > 0)
        {
            text.Append("Opmerkingen:\n\n");
            foreach (var remark in content.Remarks)
            {
                text.Append("- ").Append(OneLine(remark)).Append('\n');
            }
        }

        if (content.RemarksHeldBack > 0)
        {
            text.Append("\n").Append(content.RemarksHeldBack).Append(" opmerking(en) achtergehouden (mogelijk identificerend).\n");
        }

        return text.ToString();
    }

    private static void List(StringBuilder text, IEnumerable<CompiledRecommendation> items)
    {
        var any = false;
        foreach (var r in items)
        {
            any = true;
            text.Append("- ").Append(OneLine(r.Text)).Append(" (").Append(Compilation.Pillars(r)).Append("; ")
                .Append(RecommendationStatusNames.Dutch(r.Level)).Append("). Eigenaar: ").Append(r.OwnerName ?? "—")
                .Append(". Deadline: ").Append(r.DueDate is null ? "—" : Compilation.Due(r.DueDate))
                .Append(". Status: ").Append(RecommendationStatusNames.Dutch(r.Status)).Append(".\n");
        }

        text.Append(any ? "\n" : "- Geen.\n\n");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

public sealed record MinutesAppendixCase(Guid Id, string Code, string Title);

public sealed record MinutesAppendixRound(string Prompt, IReadOnlyList<(string Discipline, string Answer)> Answers);

public sealed record MinutesAppendixContent
{
    public IReadOnlyList<MinutesAppendixCase> Cases { get; init; } = [];

    public IReadOnlyList<CompiledRecommendation> Recommendations { get; init; } = [];

    public IReadOnlyList<MinutesAppendixRound> Rounds { get; init; } = [];

    public IReadOnlyList<int> Scores { get; init; } = [];

    public IReadOnlyList<string> Remarks { get; init; } = [];

    public int RemarksHeldBack { get; init; }
}
