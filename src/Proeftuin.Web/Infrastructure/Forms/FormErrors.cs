using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Proeftuin.Web.Infrastructure.Forms;

/// <summary>Form errors of the server-rendered pages: shown next to the field and in the summary above the form.</summary>
public static class FormErrors
{
    public static bool HasError(this ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>
    /// The model binder's own messages are English and technical ("The value 'x' is not valid for Y"); a form shows one
    /// plain message of ours instead, in the user's language.
    /// </summary>
    public static void ReplaceBindingErrors(this ModelStateDictionary state, string message)
    {
        foreach (var (_, entry) in state)
        {
            if (entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        }
    }
}
