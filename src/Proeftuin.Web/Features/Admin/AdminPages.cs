using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Features.Admin;

/// <summary>What the administration pages share: a refusal shown next to its field and in the summary, in the user's language.</summary>
public static class AdminPages
{
    public static void Show(this ModelStateDictionary state, AdminOutcome outcome, IStringLocalizer<AdminText> text) =>
        state.AddModelError(outcome.Field ?? string.Empty, text[outcome.ErrorKey ?? "ErrorUnknown"]);

    public static string RoleKey(Proeftuin.Core.Professionals.MembershipRole role) => $"Role{role}";

    public static string StateKey(AccountState state) => $"State{state}";
}
