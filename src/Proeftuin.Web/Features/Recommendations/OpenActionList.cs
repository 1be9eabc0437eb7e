namespace Proeftuin.Web.Features.Recommendations;

/// <summary>The model of _OpenActions: "Mijn acties" leaves out the owner (it is you), the wijk page shows it.</summary>
public sealed record OpenActionList(IReadOnlyList<OpenAction> Actions, DateOnly Today, bool ShowOwner);
