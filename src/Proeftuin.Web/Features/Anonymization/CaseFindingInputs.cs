using Proeftuin.Core.Anonymization;
using Proeftuin.Web.Infrastructure.Caching;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary>What the detector needs besides a case's text: its guarded name hashes and its members' dismissals.</summary>
public sealed record CaseFindingInputsEntry(IReadOnlySet<string> GuardedNames, IReadOnlyList<FindingDismissal> Dismissals);

/// <summary>
/// The guarded names and dismissals of each case whose text is being typed in, so the live re-check (after every burst
/// of edits, per document) does not read them from the database each time (issue 19). A save of a guarded name or a
/// dismissal on this node forgets them at once (the live service's cache invalidator, and the case relay's re-check
/// after a bulk replace of guarded names); a change on
/// another node is seen after at most <see cref="MaxAge"/>. Only hashes are held, never a name or a case text.
/// </summary>
public sealed class CaseFindingInputs(TimeProvider time) : ForgettableCache<CaseFindingInputsEntry>(time);
