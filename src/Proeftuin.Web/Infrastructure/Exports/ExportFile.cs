using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>The four formats every export comes in, with the content type and file extension of each.</summary>
public enum ExportFormat
{
    Markdown,
    Csv,
    Html,
    Docx,
}

/// <summary>
/// An export as the response: a download with its file name, except the print page (HTML), which opens in the browser
/// to be printed or saved as PDF and carries its own, stricter Content-Security-Policy (see <see cref="PrintableHtml"/>).
/// </summary>
public sealed class ExportFile(byte[] contents, ExportFormat format, string baseName) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public static readonly IReadOnlyDictionary<string, ExportFormat> ByExtension = new Dictionary<string, ExportFormat>(StringComparer.Ordinal)
    {
        ["md"] = ExportFormat.Markdown,
        ["csv"] = ExportFormat.Csv,
        ["html"] = ExportFormat.Html,
        ["docx"] = ExportFormat.Docx,
    };

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => TypeOf(format);

    public string FileName => $"{baseName}.{Extension(format)}";

    public byte[] Contents => contents;

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "md",
        ExportFormat.Csv => "csv",
        ExportFormat.Html => "html",
        _ => "docx",
    };

    public static string TypeOf(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "text/markdown; charset=utf-8",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Html => "text/html; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (format != ExportFormat.Html)
        {
            return TypedResults.File(contents, ContentType, FileName).ExecuteAsync(httpContext);
        }

        // Inline, so the link opens a page to print; the name still counts when it is saved. The app's policy would
        // block the document's own stylesheet, so this response gets the document's policy instead.
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(FileName);
        httpContext.Response.Headers.ContentDisposition = disposition.ToString();
        httpContext.Response.Headers.ContentSecurityPolicy = PrintableHtml.ContentSecurityPolicy;
        return TypedResults.Bytes(contents, ContentType).ExecuteAsync(httpContext);
    }
}
