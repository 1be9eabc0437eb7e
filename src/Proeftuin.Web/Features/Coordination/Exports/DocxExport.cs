using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Proeftuin.Web.Features.Coordination.Exports;

/// <summary>
/// A Word document: a title, the selection, per theme a heading and its synthesis, and a table of the recommendations
/// (text, pillars, wijk, status, owner, due date). Real heading styles, so Word's navigation pane and a table of
/// contents pick them up; a page break before every theme after the first.
/// </summary>
public static class DocxExport
{
    public static readonly string[] Columns = ["Aanbeveling", "Pijlers", "Wijk", "Casus", "Status", "Eigenaar", "Deadline"];

    private static readonly string[] ColumnWidths = ["3600", "1500", "1000", "1000", "900", "1000", "900"];

    public static byte[] Write(Compilation compilation)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph(compilation.Title, "Title"));
            body.Append(Paragraph($"Selectie: {compilation.Selection}. Gemaakt op {Compilation.Date(compilation.GeneratedUtc)}.", null));
            var first = true;
            foreach (var section in compilation.Sections)
            {
                if (section.Heading is not null)
                {
                    var heading = Paragraph(section.Heading, "Heading1");
                    if (!first)
                    {
                        heading.ParagraphProperties!.Append(new PageBreakBefore());
                    }

                    body.Append(heading);
                }

                foreach (var line in (section.Synthesis ?? string.Empty).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // Markdown's paragraphs become Word paragraphs; inline marks stay as typed (readable, not rendered).
                    body.Append(Paragraph(line.Replace('\n', ' '), null));
                }

                body.Append(Table(section.Items));
                first = false;
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<CompiledRecommendation> items)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The schema wants a grid before the rows; the text column gets the most room (widths in twentieths of a point).
        table.Append(new TableGrid([.. ColumnWidths.Select(w => new GridColumn { Width = w })]));
        var header = Row(Columns, bold: true);
        header.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(header);
        foreach (var r in items)
        {
            table.Append(Row([
                r.Text, Compilation.Pillars(r), r.WijkName, r.CaseCode ?? "—", Core.Recommendations.RecommendationStatusNames.Dutch(r.Status), r.OwnerName ?? "—", Compilation.Due(r.DueDate),
            ], bold: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new([.. cells.Select(text => new TableCell(new Paragraph(Run(text, bold))))]);

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        if (style is not null)
        {
            paragraph.ParagraphProperties!.Append(new ParagraphStyleId { Val = style });
        }

        paragraph.Append(Run(text, bold: false));
        return paragraph;
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>The few styles the document uses, defined here so Word shows them as title and heading.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "21" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle("Title", "Title", "36", outlineLevel: null),
            HeadingStyle("Heading1", "heading 1", "28", outlineLevel: 0),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    /// <summary>A bold paragraph style; with an outline level it is a heading in Word's navigation pane, without (the title) it is not.</summary>
    private static Style HeadingStyle(string id, string name, string size, int? outlineLevel)
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
