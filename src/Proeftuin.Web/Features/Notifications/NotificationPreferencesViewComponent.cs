using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>The "Meldingen per e-mail" form on the profile page: one checkbox per topic, on unless switched off.</summary>
public sealed class NotificationPreferencesViewComponent(ProeftuinDbContext db, NeighbourhoodAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var off = await db.NotificationPreferences.AsNoTracking().Where(p => p.ProfessionalId == access.UserId && !p.Enabled).Select(p => p.Topic).ToListAsync();
        return View("/Features/Notifications/_Preferences.cshtml", Enum.GetValues<NotificationTopic>().Select(t => (t, !off.Contains(t))).ToList());
    }
}
