using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary>
/// A form whose texts the guard refused: answered with 409, each finding shown next to the field it is in (form field
/// names are the guard's field names), with a button that puts the placeholder in its place (client/site.ts).
/// </summary>
public static class GuardForm
{
    public static IReadOnlyList<GuardFindingView> Refuse(PageModel page, GuardVerdict verdict, IReadOnlyDictionary<string, string> texts)
    {
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        var text = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var views = verdict.Findings
            .Select(f => new GuardFindingView(f.Field, f.Finding.Start, f.Finding.End, texts.GetValueOrDefault(f.Field, string.Empty)[f.Finding.Start..f.Finding.End], f.Placeholder))
            .ToList();
        foreach (var field in views.GroupBy(v => v.Field))
        {
            page.ModelState.AddModelError(field.Key, text["GuardFieldError", string.Join(", ", field.Select(v => $"‘{v.Text}’ → {v.Placeholder}"))]);
        }

        return views;
    }
}

/// <summary>One refused finding as a form shows it to the person who typed it: where, what, and its placeholder.</summary>
public sealed record GuardFindingView(string Field, int Start, int End, string Text, string Placeholder);
