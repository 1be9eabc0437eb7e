using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>"Mijn acties": the open recommendations the signed-in professional owns, overdue first.</summary>
public sealed class MyActionsModel(RecommendationFollowUp followUp, IStringLocalizer<FollowUpText> text) : PageModel
{
    public IReadOnlyList<OpenAction> Actions { get; private set; } = [];

    public DateOnly Today => followUp.Today;

    public string T(string key, params object[] values) => text[key, values];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await followUp.MineAsync(cancellationToken);
}
