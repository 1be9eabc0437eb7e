using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>Saves the member's mail choices from the profile page (the ticked topics are on, the rest off) and returns there.</summary>
public sealed class PreferencesModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet() => Redirect("/account/profiel#meldingen");

    public async Task<IActionResult> OnPostAsync(string[]? topics, CancellationToken cancellationToken)
    {
        var on = new HashSet<NotificationTopic>();
        foreach (var topic in topics ?? [])
        {
            if (!Enum.TryParse<NotificationTopic>(topic, out var parsed) || !Enum.IsDefined(parsed))
            {
                return BadRequest();
            }

            on.Add(parsed);
        }

        var stored = await db.NotificationPreferences.Where(p => p.ProfessionalId == access.UserId).ToDictionaryAsync(p => p.Topic, cancellationToken);
        foreach (var topic in Enum.GetValues<NotificationTopic>())
        {
            if (stored.TryGetValue(topic, out var preference))
            {
                preference.Enabled = on.Contains(topic);
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { ProfessionalId = access.UserId, Topic = topic, Enabled = on.Contains(topic) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "NotificationPreferences", access.UserId.ToString()), cancellationToken);
        StatusMessage = text["NotificationsSaved"];
        return Redirect("/account/profiel#meldingen");
    }
}
