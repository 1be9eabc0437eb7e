namespace Proeftuin.Web.Features.Admin;

/// <summary>The values the wijk form shows (<c>_NeighbourhoodFields</c>).</summary>
public sealed record NeighbourhoodFields(string? Name, string? Slug, string? CaseCodePrefix);
