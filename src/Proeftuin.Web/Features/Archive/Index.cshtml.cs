using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Archive;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Archive;

/// <summary>
/// The archive (<c>/archief</c>): search past cases, recommendations and final verslagen of your own wijken with Dutch full text, filter by
/// theme, age band, pillar and period. A GET form, so a search can be bookmarked and the back button works.
/// </summary>
public sealed class IndexModel(ArchiveSearching searching, IStringLocalizer<ArchiveText> text) : PageModel
{
    public static IReadOnlyList<VisionPillar> PillarChoices { get; } =
        [VisionPillar.ClientCentred, VisionPillar.AppropriateCare, VisionPillar.ProfessionalCoordination, VisionPillar.Preconditions];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "thema")]
    public string? Thema { get; set; }

    [BindProperty(SupportsGet = true, Name = "leeftijd")]
    public AgeBand? Leeftijd { get; set; }

    [BindProperty(SupportsGet = true, Name = "pijler")]
    public VisionPillar? Pijler { get; set; }

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? Van { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? Tot { get; set; }

    /// <summary>Null until something was searched for.</summary>
    public ArchiveResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var words = Q.Trim();
        if (words.Length > ArchiveSearching.MaxQueryLength)
        {
            words = words[..ArchiveSearching.MaxQueryLength];
        }

        var pillar = Pijler is { } p && Enum.IsDefined(p) && p != VisionPillar.None ? p : (VisionPillar?)null;
        var ageBand = Leeftijd is { } a && Enum.IsDefined(a) ? a : (AgeBand?)null;
        Result = await searching.SearchAsync(new ArchiveQuery(words, Thema, ageBand, pillar, Van, Tot), cancellationToken);
    }

    public string T(string key, params object[] arguments) => text[key, arguments];

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);

    /// <summary>
    /// Where a hit leads: a verslag to its page, a case (or a recommendation's case) to the case, a recommendation without
    /// one to the wijk.
    /// </summary>
    public static string LinkOf(ArchiveHit hit) =>
        hit.Kind == ArchiveHitKind.Minutes ? $"/besprekingen/{hit.Id}/verslag"
        : hit.CaseFileId is { } caseId ? $"/casussen/{caseId}"
        : $"/wijken/{hit.NeighbourhoodSlug}";
}
