using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Core.Common;

namespace Proeftuin.Web.Infrastructure;

/// <summary>The ProblemDetails every endpoint answers with on an error, with Dutch titles.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang", detail: "Je bent geen lid van de wijk waar dit bij hoort.", type: "https://proeftuin.nl/problems/forbidden");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden", detail: $"{what} bestaat niet.", type: "https://proeftuin.nl/problems/not-found");

    public static ProblemHttpResult Rule(DomainException error, int status = StatusCodes.Status409Conflict) =>
        TypedResults.Problem(statusCode: status, title: "Niet toegestaan", detail: error.Message, type: $"https://proeftuin.nl/problems/{error.Code}");

    public static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ongeldige invoer", detail: detail, type: "https://proeftuin.nl/problems/invalid");
}
