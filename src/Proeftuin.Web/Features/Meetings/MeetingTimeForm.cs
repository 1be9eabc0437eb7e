using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Forms;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The title, date and time fields the planning and the edit page share: each missing one named at its field, and the
/// start as UTC (a time that does not exist in Amsterdam, the spring-forward hour, is an error too).
/// </summary>
public static class MeetingTimeForm
{
    public static DateTime? StartUtc(ModelStateDictionary modelState, IStringLocalizer text, string? title, DateOnly? date, TimeOnly? time)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            modelState.AddModelError("Title", text["MeetingTitleRequired"]);
        }

        if (date is null && !modelState.HasError("Date"))
        {
            modelState.AddModelError("Date", text["DateRequired"]);
        }

        if (time is null && !modelState.HasError("Time"))
        {
            modelState.AddModelError("Time", text["TimeRequired"]);
        }

        if (date is not { } day || time is not { } clock)
        {
            return null;
        }

        var utc = AmsterdamTime.ToUtc(day, clock);
        if (utc is null)
        {
            modelState.AddModelError("Time", text["TimeDoesNotExist"]);
        }

        return utc;
    }
}
