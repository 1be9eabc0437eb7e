using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>Maps domain objects to what the room sees, and room input back to the domain (with Dutch errors).</summary>
internal static class MeetingViews
{
    public static MeetingState State(Meeting meeting, DateTime nowUtc)
    {
        var item = meeting.CurrentItem;
        return new MeetingState(
            meeting.Status.ToString(),
            item?.Id,
            item?.Phase.ToString(),
            item is null ? null : (int)Math.Round(item.Remaining(nowUtc).TotalSeconds),
            item?.IsTimerRunning ?? false,
            nowUtc);
    }

    public static RecommendationView View(Recommendation r) => new(
        r.Id, r.Text, [.. VisionPillars.Split(r.Pillars).Select(p => p.ToString())], r.Level.ToString(),
        [.. r.AddressedTo.Select(d => d.ToString())], r.OwnerId, r.DueDate, r.Status.ToString(), r.Version, r.CaseFileId);

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
        return new RecommendationDetails(input.Text ?? string.Empty, pillars, level, addressed, input.OwnerId, input.DueDate);
    }
}
