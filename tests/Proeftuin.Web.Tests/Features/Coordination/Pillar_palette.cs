using System.Text.RegularExpressions;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Features.Recommendations;
using SkiaSharp;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>
/// One pillar palette for the whole product: client/pillars.css is the source; the server reads it embedded, the
/// bundle the browser loads carries it, the room's tags and the workspace's chart classes only refer to it, and a
/// chart drawn for an export paints exactly those colours.
/// </summary>
public sealed partial class Pillar_palette
{
    private static readonly string Source = File.ReadAllText(RepositoryRoot.Combine("src", "Proeftuin.Web", "client", "pillars.css"));

    [Fact]
    public void The_server_reads_the_same_four_pillars_as_the_stylesheet_defines()
    {
        var properties = PillarPalette.Properties(Source);

        Assert.Equal(12, properties.Count);
        Assert.Equal(VisionPillars.Each, PillarPalette.All.Keys.Order());
        foreach (var pillar in VisionPillars.Each)
        {
            var name = PillarPalette.CssName(pillar);
            Assert.Equal(new PillarColours(properties[name], properties[name + "-tint"], properties[name + "-ink"]), PillarPalette.Of(pillar));
        }

        Assert.Equal(4, PillarPalette.All.Values.Select(c => c.Strong).Distinct().Count());
    }

    [Fact]
    public void The_bundle_the_browser_loads_carries_the_palette()
    {
        var bundle = File.ReadAllText(RepositoryRoot.Combine("src", "Proeftuin.Web", "wwwroot", "dist", "styles.css"));

        var bundled = PillarPalette.Properties(bundle);

        Assert.Equal(PillarPalette.Properties(Source), bundled);
    }

    [Fact]
    public void The_room_and_the_workspace_charts_take_their_pillar_colours_from_the_palette_only()
    {
        var room = File.ReadAllText(RepositoryRoot.Combine("src", "Proeftuin.Web", "client", "room.css"));
        var workspace = File.ReadAllText(RepositoryRoot.Combine("src", "Proeftuin.Web", "client", "coordination.css"));

        for (var i = 0; i < VisionPillars.Each.Count; i++)
        {
            var name = PillarPalette.CssName(VisionPillars.Each[i]);
            var tag = Rule(room, $".proeftuin-pillar--{name} ");
            Assert.Contains($"border-color: var(--proeftuin-pillar-{name});", tag, StringComparison.Ordinal);
            Assert.Contains($"background-color: var(--proeftuin-pillar-{name}-tint);", tag, StringComparison.Ordinal);
            Assert.Contains($"color: var(--proeftuin-pillar-{name}-ink);", tag, StringComparison.Ordinal);
            Assert.DoesNotMatch(HexColour(), tag);

            // The workspace's matrix chart has the pillars as series s0..s3, in VisionPillars.Each order.
            var bar = Rule(workspace, $".proeftuin-chart__bar--s{i} ");
            Assert.Contains($"fill: var(--proeftuin-pillar-{name});", bar, StringComparison.Ordinal);
            Assert.DoesNotMatch(HexColour(), bar);
        }
    }

    [Fact]
    public void A_chart_drawn_for_an_export_paints_each_pillar_in_its_palette_colour()
    {
        var series = VisionPillars.Each.Select(p => new ChartSeries(VisionPillars.Dutch(p), PillarPalette.Of(p).Strong)).ToList();
        var chart = new ReportChart("test", "Pijlers", "Vier pijlers", series, [new ChartGroup("Ondiep", [3, 5, 2, 4])]);

        using var bitmap = SKBitmap.Decode(ChartImage.Png(chart));

        Assert.Equal(ChartImage.PixelWidth, bitmap.Width);
        Assert.Equal(ChartImage.PixelHeight, bitmap.Height);
        var painted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bar in chart.Bars())
        {
            var pixel = bitmap.GetPixel((int)((bar.X + (bar.Width / 2)) * ChartImage.Scale), (int)((bar.Y + (bar.Height / 2)) * ChartImage.Scale));
            painted.Add($"#{pixel.Red:x2}{pixel.Green:x2}{pixel.Blue:x2}");
        }

        Assert.Equal(PillarPalette.All.Values.Select(c => c.Strong).Order(), painted.Order());
    }

    /// <summary>The declarations of the first rule whose selector list contains <paramref name="selector"/>.</summary>
    private static string Rule(string css, string selector)
    {
        var at = css.IndexOf(selector, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{selector} not found");
        var open = css.IndexOf('{', at);
        return css[open..(css.IndexOf('}', open) + 1)];
    }

    [GeneratedRegex("#[0-9a-fA-F]{3,6}\\b")]
    private static partial Regex HexColour();
}
