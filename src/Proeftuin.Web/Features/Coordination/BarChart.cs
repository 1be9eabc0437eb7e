using System.Globalization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// A grouped bar chart drawn on the server as inline SVG: no script, no inline style, so the strict CSP holds. The
/// numbers also go in a table next to it; the SVG is one image (role="img") with a title and a description.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<string> Series, IReadOnlyList<BarGroup> Groups)
{
    public const int Width = 640;
    public const int Height = 280;
    private const int Left = 36;
    private const int Right = 8;
    private const int Top = 16;
    private const int Bottom = 40;

    public int Max => Math.Max(1, Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());

    public int BaseLine => Height - Bottom;

    public int PlotLeft => Left;

    public int PlotRight => Width - Right;

    public IEnumerable<BarRect> Bars()
    {
        if (Groups.Count == 0 || Series.Count == 0)
        {
            yield break;
        }

        var groupWidth = (double)(Width - Left - Right) / Groups.Count;
        var barWidth = groupWidth * 0.8 / Series.Count;
        var plotHeight = (double)(Height - Top - Bottom);
        for (var g = 0; g < Groups.Count; g++)
        {
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Groups[g].Values[s];
                var height = value * plotHeight / Max;
                var x = Left + (g * groupWidth) + (groupWidth * 0.1) + (s * barWidth);
                yield return new BarRect(s, value, F(x), F(BaseLine - height), F(Math.Max(1, barWidth - 1)), F(height), F(x + (barWidth / 2)));
            }
        }
    }

    public IEnumerable<(string Label, string X)> GroupLabels()
    {
        var groupWidth = (double)(Width - Left - Right) / Math.Max(1, Groups.Count);
        return Groups.Select((g, i) => (g.Label, F(Left + (i * groupWidth) + (groupWidth / 2))));
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public sealed record BarGroup(string Label, IReadOnlyList<int> Values);

/// <summary>One bar; <see cref="Series"/> picks its colour class, <see cref="LabelX"/> centres its number above it.</summary>
public sealed record BarRect(int Series, int Value, string X, string Y, string Width, string Height, string LabelX);
