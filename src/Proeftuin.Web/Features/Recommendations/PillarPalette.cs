using System.Globalization;
using System.Text.RegularExpressions;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>A pillar's colours: <see cref="Strong"/> fills a bar or draws a border, <see cref="Ink"/> on <see cref="Tint"/> is text.</summary>
public sealed record PillarColours(string Strong, string Tint, string Ink);

/// <summary>
/// The four pillar colours as the server knows them, read from client/pillars.css (embedded in the assembly): the same
/// file the browser's bundle imports, so the room, the charts on the page and the charts in the exports cannot drift.
/// </summary>
public static partial class PillarPalette
{
    public const string ResourceName = "Proeftuin.Web.pillars.css";

    private static readonly Lazy<IReadOnlyDictionary<VisionPillar, PillarColours>> Palette = new(Load);

    public static IReadOnlyDictionary<VisionPillar, PillarColours> All => Palette.Value;

    public static PillarColours Of(VisionPillar pillar) => All[pillar];

    /// <summary>The pillar's name in CSS class and custom-property names: <c>clientcentred</c>.</summary>
    public static string CssName(VisionPillar pillar) => pillar.ToString().ToLowerInvariant();

    /// <summary>The custom properties of a stylesheet's text: name (without <c>--proeftuin-pillar-</c>) → #rrggbb.</summary>
    public static IReadOnlyDictionary<string, string> Properties(string css) =>
        PropertyPattern().Matches(css).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.ToLowerInvariant(), StringComparer.Ordinal);

    private static IReadOnlyDictionary<VisionPillar, PillarColours> Load()
    {
        using var stream = typeof(PillarPalette).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The pillar palette {ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        var properties = Properties(reader.ReadToEnd());
        string Colour(string name) => properties.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"pillars.css has no --proeftuin-pillar-{name}."));
        return VisionPillars.Each.ToDictionary(p => p, p => new PillarColours(Colour(CssName(p)), Colour(CssName(p) + "-tint"), Colour(CssName(p) + "-ink")));
    }

    [GeneratedRegex(@"--proeftuin-pillar-(?<name>[a-z]+(?:-tint|-ink)?)\s*:\s*(?<value>#[0-9a-fA-F]{6})\s*;", RegexOptions.None, 250)]
    private static partial Regex PropertyPattern();
}
