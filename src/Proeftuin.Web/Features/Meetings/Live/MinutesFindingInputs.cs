using Proeftuin.Web.Infrastructure.Caching;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>What the verslag's re-check needs of its meeting besides the text: the cases on the agenda and the generated verslag.</summary>
public sealed record MinutesFindingInputsEntry(IReadOnlyList<Guid> AgendaCases, string? GeneratedText);

/// <summary>
/// The <see cref="MinutesFindingInputsEntry"/> per meeting, so the live re-check of a typed verslag (after every burst
/// of edits) does not read the agenda and the generated text each time (issue 19); the agenda's guarded names and
/// dismissals come from <see cref="Anonymization.CaseFindingInputs"/> per case. Forgotten by
/// <see cref="LiveCacheInvalidator"/> on every save of the meeting, an agenda item or the verslag on this node, trusted
/// for at most <see cref="ForgettableCache{TValue}.MaxAge"/> otherwise (another node's change).
/// </summary>
public sealed class MinutesFindingInputs(TimeProvider time) : ForgettableCache<MinutesFindingInputsEntry>(time);
