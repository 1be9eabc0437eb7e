using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>The model of _RecommendationTable: the rows, whether each gets a checkbox (to group into a theme), and today.</summary>
public sealed record RecommendationTable(IReadOnlyList<CompiledRecommendation> Items, bool Selectable, DateOnly Today, IReadOnlySet<Guid>? Selected = null);
