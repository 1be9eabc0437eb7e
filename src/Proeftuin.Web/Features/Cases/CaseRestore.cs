using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;
using Proeftuin.Data.Collaboration;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// The chair of a case's wijk puts an earlier version of its text back. The restore is one ordinary edit of the live
/// document (<see cref="LiveDocuments"/>): the word diff from the live text to the old version, applied at the live
/// revision, written to the op log and sent by <see cref="Preparation.CaseEditRelay"/> to everyone who has the text open
/// on the case page or in a meeting room, so open editors converge and the restore itself is a version on the time line
/// that can be undone the same way. Only while the case is being prepared, and never to a version that the
/// anonymisation guard would flag (ADR 38). Each restore, and each refusal, is audit-logged with the version.
/// </summary>
public sealed class CaseRestore(NeighbourhoodAccess access, LiveDocuments documents, DocumentStore store, OpenFindings openFindings, AuditLog audit)
{
    /// <summary>Whether the caller may restore versions of this case: the chair of its wijk.</summary>
    public async Task<bool> MayRestoreAsync(CaseFile caseFile, CancellationToken cancellationToken) =>
        await access.RoleInAsync(caseFile.NeighbourhoodId, cancellationToken) == MembershipRole.Chair;

    /// <summary>
    /// Restores <paramref name="version"/> and returns the new live revision; throws <see cref="DomainException"/> (nothing
    /// changed) when the caller is not the chair, the case is no longer prepared, the version is the live text or has open findings.
    /// </summary>
    public async Task<long> RestoreAsync(CaseFile caseFile, long version, CancellationToken cancellationToken)
    {
        var objectId = $"{caseFile.Id}@{version}";
        try
        {
            if (!await MayRestoreAsync(caseFile, cancellationToken))
            {
                throw new DomainException("forbidden", "Alleen de voorzitter van de wijk zet een eerdere versie terug.");
            }

            if (caseFile.Status is not (CaseStatus.Draft or CaseStatus.ReadyForDiscussion))
            {
                throw new DomainException("case.not-editable", "Deze casus is besproken of gearchiveerd; de tekst wordt niet meer voorbereid.");
            }

            var document = DocumentId.ForCase(caseFile.Id);
            var session = await documents.GetAsync(document, caseFile.Text, cancellationToken);
            await documents.RefreshAsync(session, cancellationToken);
            var (live, revision) = await session.SnapshotAsync(cancellationToken);
            var (old, at) = await store.TextAtAsync(document, caseFile.Text, Math.Max(0, version), cancellationToken);
            objectId = $"{caseFile.Id}@{at}";
            if (at >= revision || old == live)
            {
                throw new DomainException("case.version-current", "Deze versie is gelijk aan de huidige tekst; er valt niets terug te zetten.");
            }

            if ((await openFindings.ForCaseAsync(caseFile, old, cancellationToken)).Count is > 0 and var open)
            {
                throw new DomainException("anonymization.open", $"Versie {at} bevat {open} open bevinding(en) voor anonimisering; zet een versie zonder open bevindingen terug.");
            }

            var operation = TextDiff.Between(live, old).ToOperation();
            var request = new SubmitRequest(document.ToString(), revision, operation, $"restore-{Guid.NewGuid():N}", 1);
            var result = await documents.SubmitAsync(session, request, access.UserId, EditOrigin.Restore, cancellationToken);
            await audit.RecordAsync(new AuditEvent("restore", "success", "CaseRevision", objectId, caseFile.NeighbourhoodId, "Chair"), cancellationToken);
            return result.Revision;
        }
        catch (DomainException)
        {
            await audit.RecordAsync(new AuditEvent("restore", "denied", "CaseRevision", objectId, caseFile.NeighbourhoodId), cancellationToken);
            throw;
        }
    }
}
