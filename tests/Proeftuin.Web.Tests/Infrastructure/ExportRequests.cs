using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>What the export tests share: the formats, the CSV columns, the file name a download gets, and the audit log's export entries of one object.</summary>
public static class ExportRequests
{
    /// <summary>The extensions of the four export formats of a verslag and of a case.</summary>
    public static readonly string[] Formats = ["md", "csv", "html", "docx"];

    /// <summary>The header of a CSV of recommendations (a verslag's, a case's; the coordinator's adds the theme first).</summary>
    public static readonly string[] RecommendationColumns = ["datum", "wijk", "casus", "aanbeveling", "pijlers", "niveau", "gericht aan", "status", "eigenaar", "deadline"];

    public static string? DownloadName(this HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;

    /// <summary>The "export" entries of <paramref name="objectType"/> <paramref name="objectId"/>, oldest first.</summary>
    public static Task<List<AuditEntry>> ExportEntriesAsync(this ProeftuinWebFactory factory, string objectType, Guid objectId) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "export" && e.ObjectType == objectType && e.ObjectId == objectId.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());
}
