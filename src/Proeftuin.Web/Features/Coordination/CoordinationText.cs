using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Marker type for the coordinator workspace's texts in Resources/Features.Coordination.CoordinationText*.resx.</summary>
public sealed class CoordinationText;
