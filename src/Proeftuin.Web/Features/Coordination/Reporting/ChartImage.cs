using SkiaSharp;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// A <see cref="ReportChart"/> as a PNG, drawn on the server with SkiaSharp (ADR 36) at twice the SVG's size, with
/// its legend below the bars: the image the Word document and the print page carry. Text uses a sans-serif font of the
/// host (DejaVu Sans on Debian); the colours are the chart's own, so a pillar is the colour it has in the room.
/// </summary>
public static class ChartImage
{
    public const int Scale = 2;
    public const int LegendHeight = 36;

    public static int PixelWidth => ReportChart.Width * Scale;

    public static int PixelHeight => (ReportChart.Height + LegendHeight) * Scale;

    public static byte[] Png(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var surface = SKSurface.Create(new SKImageInfo(PixelWidth, PixelHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        using var typeface = SKFontManager.Default.MatchFamily("DejaVu Sans") ?? SKFontManager.Default.MatchFamily("sans-serif") ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 11);
        using var ink = new SKPaint { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true };
        using var axis = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), StrokeWidth = 1, IsAntialias = false };

        canvas.DrawLine(ReportChart.PlotLeft, ReportChart.BaseLine, ReportChart.PlotRight, ReportChart.BaseLine, axis);
        foreach (var bar in chart.Bars())
        {
            // Bars are filled without anti-aliasing, so every pixel of a bar is exactly its series' colour.
            using var fill = new SKPaint { Color = SKColor.Parse(chart.Series[bar.Series].Colour), IsAntialias = false };
            canvas.DrawRect(SKRect.Create((float)bar.X, (float)bar.Y, (float)bar.Width, (float)bar.Height), fill);
            if (bar.Value > 0)
            {
                canvas.DrawText(bar.Label, (float)(bar.X + (bar.Width / 2)), (float)bar.Y - 3, SKTextAlign.Center, font, ink);
            }
        }

        foreach (var (label, x) in chart.GroupLabels())
        {
            canvas.DrawText(label, (float)x, ReportChart.BaseLine + 18, SKTextAlign.Center, font, ink);
        }

        Legend(canvas, chart, font, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>A swatch and the name of each series, left to right under the chart.</summary>
    private static void Legend(SKCanvas canvas, ReportChart chart, SKFont font, SKPaint ink)
    {
        var x = (float)ReportChart.PlotLeft;
        var y = ReportChart.Height + 14f;
        foreach (var series in chart.Series)
        {
            using var fill = new SKPaint { Color = SKColor.Parse(series.Colour), IsAntialias = false };
            canvas.DrawRect(SKRect.Create(x, y - 9, 10, 10), fill);
            canvas.DrawText(series.Name, x + 14, y, SKTextAlign.Left, font, ink);
            x += 14 + font.MeasureText(series.Name) + 18;
        }
    }
}
