using System.Globalization;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>A series of bars: its name for the legend and its colour (#rrggbb; a pillar's from <c>PillarPalette</c>).</summary>
public sealed record ChartSeries(string Name, string Colour);

/// <summary>A group of bars under one label, one value per series.</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<double> Values);

/// <summary>One bar, laid out in the chart's own units (<see cref="ReportChart.Width"/> × <see cref="ReportChart.Height"/>).</summary>
public sealed record ChartBar(int Series, double Value, string Label, double X, double Y, double Width, double Height);

/// <summary>
/// A grouped bar chart of the coordinator's report. One layout, drawn twice: as inline SVG on the page (no script, no
/// inline style, so the strict CSP holds) and as a PNG for the Word document and the print page (<see cref="ChartImage"/>).
/// The numbers are always in a table beside it; <see cref="Description"/> says them for a screen reader and as alt text.
/// </summary>
public sealed record ReportChart(string Id, string Title, string Description, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartGroup> Groups, string NumberFormat = "0")
{
    public const int Width = 640;
    public const int Height = 280;
    public const int PlotLeft = 36;
    public const int PlotRight = Width - 8;
    public const int PlotTop = 18;
    public const int BaseLine = Height - 40;

    public double Max => Math.Max(1, Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());

    public IEnumerable<ChartBar> Bars()
    {
        if (Groups.Count == 0 || Series.Count == 0)
        {
            yield break;
        }

        var groupWidth = (double)(PlotRight - PlotLeft) / Groups.Count;
        var barWidth = groupWidth * 0.8 / Series.Count;
        for (var g = 0; g < Groups.Count; g++)
        {
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Groups[g].Values[s];
                var height = value * (BaseLine - PlotTop) / Max;
                var x = PlotLeft + (g * groupWidth) + (groupWidth * 0.1) + (s * barWidth);
                yield return new ChartBar(s, value, Format(value), x, BaseLine - height, Math.Max(1, barWidth - 1), height);
            }
        }
    }

    public IEnumerable<(string Label, double X)> GroupLabels()
    {
        var groupWidth = (double)(PlotRight - PlotLeft) / Math.Max(1, Groups.Count);
        return Groups.Select((g, i) => (g.Label, PlotLeft + (i * groupWidth) + (groupWidth / 2)));
    }

    public string Format(double value) => value.ToString(NumberFormat, CultureInfo.CurrentCulture);

    /// <summary>A coordinate for an SVG attribute: invariant, one decimal.</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
