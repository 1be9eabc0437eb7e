using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// What the room's form sends: the fields of a recommendation and the case it is written for — a case on the agenda,
/// chosen explicitly, or none for the meeting as a whole (never "the item that happens to be current").
/// </summary>
public sealed record RecommendationInput(
    string Text,
    IReadOnlyList<string> Pillars,
    string Level,
    IReadOnlyList<string> AddressedTo,
    Guid? OwnerId,
    DateOnly? DueDate,
    Guid? CaseFileId);

/// <summary>A recommendation as the room shows it; <paramref name="Version"/> is what the next change must name.</summary>
public sealed record RecommendationView(
    Guid Id,
    string Text,
    IReadOnlyList<string> Pillars,
    string Level,
    IReadOnlyList<string> AddressedTo,
    Guid? OwnerId,
    DateOnly? DueDate,
    string Status,
    int Version,
    Guid? CaseFileId);

/// <summary>
/// The one mapping between the room's messages and the domain, next to the messages: a recommendation to its view, the
/// form's input to its details.
/// </summary>
public static class RecommendationMapping
{
    public static RecommendationView View(Recommendation r) => new(
        r.Id, r.Text, [.. VisionPillars.Split(r.Pillars).Select(p => p.ToString())], r.Level.ToString(),
        [.. r.AddressedTo.Select(d => d.ToString())], r.OwnerId, r.DueDate, r.Status.ToString(), r.Version, r.CaseFileId);

    /// <summary>The input as domain details; an unknown pillar, level or discipline is a <see cref="DomainException"/> with a Dutch message.</summary>
    public static RecommendationDetails Details(RecommendationInput input)
    {
        var pillars = VisionPillar.None;
        foreach (var name in input.Pillars ?? [])
        {
            pillars |= Enum.TryParse<VisionPillar>(name, out var pillar) && pillar != VisionPillar.None
                ? pillar
                : throw new DomainException("recommendation.pillars", $"Onbekende pijler '{name}'.");
        }

        var level = Enum.TryParse<RecommendationLevel>(input.Level, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new DomainException("recommendation.level", "Kies het niveau: casus, wijk of stedelijk.");
        var addressed = (input.AddressedTo ?? []).Select(name => Enum.TryParse<Discipline>(name, out var d) && Enum.IsDefined(d)
            ? d
            : throw new DomainException("recommendation.addressee", $"Onbekende discipline '{name}'.")).ToList();
        return new RecommendationDetails
        {
            Text = input.Text ?? string.Empty,
            Pillars = pillars,
            Level = level,
            AddressedTo = addressed,
            OwnerId = input.OwnerId,
            DueDate = input.DueDate,
        };
    }

    public static RecommendationStatus Status(string? status) =>
        Enum.TryParse<RecommendationStatus>(status, out var value) && Enum.IsDefined(value)
            ? value
            : throw new DomainException("recommendation.status", $"Onbekende status '{status}'.");
}
