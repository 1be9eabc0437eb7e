using System.Text;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>A Markdown report: the heading, the selection, per theme its synthesis, and the recommendations as a list.</summary>
public static class MarkdownExport
{
    public static byte[] Write(Compilation compilation)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Plain(compilation.Title)).AppendLine();
        md.Append("Selectie: ").Append(Plain(compilation.Selection)).Append(". Gemaakt op ").Append(Compilation.Date(compilation.GeneratedUtc)).AppendLine(".").AppendLine();
        foreach (var section in compilation.Sections)
        {
            if (section.Heading is not null)
            {
                md.Append("## ").AppendLine(Plain(section.Heading)).AppendLine();
            }

            if (!string.IsNullOrWhiteSpace(section.Synthesis))
            {
                // The synthesis is Markdown already; its own headings would compete with ours, so they go one level down.
                md.AppendLine(section.Synthesis.Trim().Replace("\n#", "\n###", StringComparison.Ordinal)).AppendLine();
            }

            foreach (var r in section.Items)
            {
                md.Append("- ").Append(Plain(r.Text)).AppendLine();
                md.Append("  *").Append(Plain(r.NeighbourhoodName)).Append(", ").Append(Compilation.Date(r.DateUtc));
                if (r.CaseCode is not null)
                {
                    md.Append(", casus ").Append(r.CaseCode);
                }

                md.Append(" — ").Append(Compilation.Pillars(r)).Append(" — ").Append(Core.Recommendations.RecommendationStatusNames.Dutch(r.Status));
                if (r.OwnerName is not null)
                {
                    md.Append(", eigenaar ").Append(Plain(r.OwnerName));
                }

                if (r.DueDate is not null)
                {
                    md.Append(", deadline ").Append(Compilation.Due(r.DueDate));
                }

                md.AppendLine("*");
            }

            md.AppendLine();
        }

        return Encoding.UTF8.GetBytes(md.ToString());
    }

    /// <summary>Free text on one line with Markdown's own characters escaped, so a recommendation cannot restyle the report.</summary>
    private static string Plain(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '*' or '_' or '`' or '#' or '[' or ']' or '<' or '>' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
