using Proeftuin.Core.Collaboration;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Cases;
using Proeftuin.Data;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Infrastructure.Anonymization;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary>
/// The open anonymisation findings of a case text: the detector with the case's guarded names, minus the findings its
/// members dismissed. Used wherever a case text is judged — the case page, "klaar voor bespreking", the room (join,
/// live re-check, close) and every export — so all of them judge alike.
/// </summary>
public sealed class OpenFindings(ProeftuinDbContext db, GuardedNames guarded, DocumentStore store)
{
    /// <summary>The document id of a case's live text in the op log (the same id the meeting room uses).</summary>
    public static DocumentId CaseDocument(Guid caseId) => DocumentId.ForCase(caseId);

    /// <summary>Open findings in <paramref name="text"/> (the live text), or in the stored text when none is given.</summary>
    public async Task<IReadOnlyList<Finding>> ForCaseAsync(CaseFile caseFile, string? text, CancellationToken cancellationToken) =>
        Open(guarded, text ?? caseFile.Text, await InputsAsync(caseFile.Id, cancellationToken));

    /// <summary>The case's guarded name hashes and dismissals, as the detector and the gate need them.</summary>
    public async Task<CaseFindingInputsEntry> InputsAsync(Guid caseId, CancellationToken cancellationToken) =>
        new(await GuardedNames.ForCaseAsync(db, caseId, cancellationToken), await DismissalsAsync([caseId], cancellationToken));

    /// <summary>Open findings in <paramref name="text"/> under inputs already read (the live re-check keeps them, <see cref="CaseFindingInputs"/>).</summary>
    public static IReadOnlyList<Finding> Open(GuardedNames guarded, string text, CaseFindingInputsEntry inputs) =>
        AnonymizationGate.OpenFindings(guarded.Detector.Scan(text, inputs.GuardedNames), text, inputs.Dismissals, guarded.Hasher);

    /// <summary>
    /// The case text as it stands now: the latest revision in the op log (written before every ack), or the stored text
    /// when the case was never edited live. <see cref="CaseFile.Text"/> alone is only updated when a meeting closes.
    /// </summary>
    public async Task<string> LiveTextAsync(CaseFile caseFile, CancellationToken cancellationToken) =>
        (await store.TextAtAsync(CaseDocument(caseFile.Id), caseFile.Text, long.MaxValue, cancellationToken)).Text;

    public async Task<IReadOnlyList<FindingDismissal>> DismissalsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken) =>
        caseIds.Count == 0
            ? []
            : [.. (await db.CaseFindingDismissals.AsNoTracking().Where(d => caseIds.Contains(d.CaseFileId)).ToListAsync(cancellationToken)).Select(d => d.ToDomain())];
}
