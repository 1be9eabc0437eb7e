using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>
/// A Word document on A4 with real styles — Title, Heading1..3 (so Word's navigation pane and a table of contents pick
/// them up), Quote, code and list paragraphs — bullet and numbered lists, and tables with a repeated header row. Every
/// DOCX export is built with this; <see cref="MarkdownDocx"/> adds Markdown to it.
/// </summary>
public sealed class WordDocument
{
    public const int DeepestHeading = 3;

    private const int BulletList = 1;
    private const int NumberedList = 2;
    private const int Levels = 9;

    /// <summary>The width between the margins of A4 portrait (11906 − 2 × 1134 twips) in EMU, 635 per twip: a full-width image.</summary>
    public const long ContentWidthEmu = (11906 - (2 * 1134)) * 635L;

    private readonly Body _body = new();
    private readonly Numbering _numbering;
    private readonly MainDocumentPart _main;
    private int _lastNumberingId;
    private uint _lastDrawingId;

    private WordDocument(MainDocumentPart main, Numbering numbering) => (_main, _numbering) = (main, numbering);

    /// <summary>A document that opens with <paramref name="title"/> in the Title style; <paramref name="fill"/> writes the rest.</summary>
    public static byte[] Write(string title, Action<WordDocument> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(ListDefinition(BulletList, ordered: false), ListDefinition(NumberedList, ordered: true));
            var document = new WordDocument(main, numbering.Numbering);
            document.Paragraph(title, "Title");
            fill(document);
            document._body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(document._body);
            main.Document.Save();
            numbering.Numbering.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of plain text, in <paramref name="style"/> or Normal.</summary>
    public Paragraph Paragraph(string text, string? style) => ParagraphOf(style, [Run(text)]);

    /// <summary>A heading at <paramref name="level"/> (1 to <see cref="DeepestHeading"/>; deeper ones take the last).</summary>
    public Paragraph Heading(string text, int level, bool pageBreakBefore = false)
    {
        var heading = ParagraphOf(HeadingStyle(level), [Run(text)]);
        if (pageBreakBefore)
        {
            heading.ParagraphProperties!.Append(new PageBreakBefore());
        }

        return heading;
    }

    public static string HeadingStyle(int level) => $"Heading{Math.Clamp(level, 1, DeepestHeading)}";

    /// <summary>A paragraph of the given runs; <paramref name="properties"/> come after the style, in schema order.</summary>
    public Paragraph ParagraphOf(string? style, IEnumerable<OpenXmlElement> runs, params OpenXmlElement[] properties)
    {
        var paragraphProperties = new ParagraphProperties();
        if (style is not null)
        {
            paragraphProperties.Append(new ParagraphStyleId { Val = style });
        }

        paragraphProperties.Append(properties);
        var paragraph = new Paragraph(paragraphProperties);
        paragraph.Append(runs);
        _body.Append(paragraph);
        return paragraph;
    }

    /// <summary>A new list whose numbering starts at <paramref name="start"/>; its items refer to the id returned.</summary>
    public int NewList(bool ordered, int level, int start = 1)
    {
        _lastNumberingId++;
        _numbering.Append(new NumberingInstance(
            new AbstractNumId { Val = ordered ? NumberedList : BulletList },
            new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = Math.Min(level, Levels - 1) })
        { NumberID = _lastNumberingId });
        return _lastNumberingId;
    }

    /// <summary>
    /// A PNG over the full width in a paragraph of its own, its height in proportion; <paramref name="description"/>
    /// is its alternative text, which Word reads aloud and shows where the image cannot be.
    /// </summary>
    public void Image(byte[] png, int pixelWidth, int pixelHeight, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(png);
        var part = _main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            part.FeedData(stream);
        }

        var id = ++_lastDrawingId;
        var (cx, cy) = (ContentWidthEmu, ContentWidthEmu * pixelHeight / pixelWidth);
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = _main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = new string([.. description.Where(XmlConvert.IsXmlChar)]) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        ParagraphOf(null, [new Run(new Drawing(inline))], new KeepNext());
    }

    /// <summary>A table over the full width: a bold header row that repeats on every page, then one row a list.</summary>
    public void Table(IReadOnlyList<string> columns, IReadOnlyList<int> widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The schema wants a grid before the rows (widths in twentieths of a point).
        table.Append(new TableGrid([.. widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        var header = Row(columns, bold: true);
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        _body.Append(table);
    }

    /// <summary>A run of text; characters XML cannot hold (control characters typed or pasted) are left out.</summary>
    public static Run Run(string text, bool bold = false, bool italic = false, bool code = false)
    {
        var run = new Run();
        if (bold || italic || code)
        {
            var properties = new RunProperties();
            if (code)
            {
                properties.Append(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
            }

            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(new string([.. text.Where(XmlConvert.IsXmlChar)])) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new([.. cells.Select(text => new TableCell(new Paragraph(Run(text, bold))))]);

    private static AbstractNum ListDefinition(int id, bool ordered)
    {
        string[] bullets = ["•", "◦", "▪"];
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < Levels; level++)
        {
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = ordered ? NumberFormatValues.Decimal : NumberFormatValues.Bullet },
                new LevelText { Val = ordered ? $"%{level + 1}." : bullets[level % bullets.Length] },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (360 * (level + 2)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }

        return definition;
    }

    /// <summary>The styles the documents use, defined here so Word shows them by their usual names.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "21" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            TitleOrHeading("Title", "Title", "36", outlineLevel: null),
            TitleOrHeading("Heading1", "heading 1", "30", outlineLevel: 0),
            TitleOrHeading("Heading2", "heading 2", "26", outlineLevel: 1),
            TitleOrHeading("Heading3", "heading 3", "22", outlineLevel: 2),
            new Style(
                new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new ContextualSpacing()))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(
                new StyleName { Val = "Quote" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new Indentation { Left = "567" }),
                new StyleRunProperties(new Italic(), new Color { Val = "404040" }))
            { Type = StyleValues.Paragraph, StyleId = "Quote" },
            new Style(
                new StyleName { Val = "Code" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }, new FontSize { Val = "19" }))
            { Type = StyleValues.Paragraph, StyleId = "Code" },
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>A bold paragraph style; with an outline level it is a heading in Word's navigation pane, without (the title) it is not.</summary>
    private static Style TitleOrHeading(string id, string name, string size, int? outlineLevel)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outlineLevel is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
