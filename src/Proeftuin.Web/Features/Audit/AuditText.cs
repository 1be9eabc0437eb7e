using Microsoft.Extensions.Localization;
using Proeftuin.Core.Audit;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Audit;

/// <summary>Marker type for the audit log's texts in Resources/Features.Audit.AuditText*.resx.</summary>
public sealed class AuditText;

/// <summary>
/// How a stored audit entry reads to a beheerder: its codes ("read", "CaseFile", "success") in the user's language and
/// its UTC time in Amsterdam time. The entry itself stays as it was written (the chain hashes it); an unknown code is
/// shown as it is.
/// </summary>
public sealed class AuditLabels(IStringLocalizer<AuditText> texts)
{
    public string Action(AuditEntry entry) => Label("action", entry.Action);

    public string ObjectType(AuditEntry entry) => Label("object", entry.ObjectType);

    public string Outcome(AuditEntry entry) => Label("outcome", entry.Outcome);

    public static string Time(AuditEntry entry) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(entry.TimestampUtc, DateTimeKind.Utc), AmsterdamTime.Zone).ToString(System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern + " HH:mm:ss", System.Globalization.CultureInfo.CurrentCulture);

    public string TimeZoneNote => texts["TimeZoneNote"];

    private string Label(string kind, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return string.Empty;
        }

        var text = texts[$"{kind}.{code}"];
        return text.ResourceNotFound ? code : text.Value;
    }
}
