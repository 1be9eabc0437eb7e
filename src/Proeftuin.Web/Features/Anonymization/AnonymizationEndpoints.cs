using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Core.Anonymization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary><c>POST /api/anonymization/scan</c>: the anonymisation guard for members (e.g. for a text before it is pasted in).</summary>
public static class AnonymizationEndpoints
{
    public const int MaxTextLength = 200_000;

    public static RouteGroupBuilder MapAnonymization(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/anonymization")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Anonymisation");
        group.MapPost("/scan", ScanAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<FindingDto>>, ProblemHttpResult>> ScanAsync(
        ScanRequest request, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await access.IsMemberOfAnyAsync(cancellationToken))
        {
            return ProblemResults.Forbidden();
        }

        if (request.Text is null || request.Text.Length > MaxTextLength)
        {
            return ProblemResults.Invalid($"Stuur een tekst van hoogstens {MaxTextLength} tekens.");
        }

        var findings = AnonymizationDetector.Default.Scan(request.Text);
        await audit.RecordAsync(new AuditEvent("scan", "success", "Text"), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FindingDto>>([.. findings.Select(f => FindingDto.From(f, request.Text))]);
    }
}

public sealed record ScanRequest([property: Required] string? Text);

/// <summary>
/// A finding on the wire: UTF-16 offsets, category in upper case, the rule, the suggested placeholder, and why it was
/// flagged (a stable code and its Dutch text; <see cref="FindingReasons.English"/> gives the English one).
/// </summary>
public sealed record FindingDto(int Start, int End, string Category, string Rule, double Confidence, string Placeholder, string ReasonCode, string Reason)
{
    public static FindingDto From(Finding finding, string text) =>
        new(finding.Start, finding.End, CategoryNames.Code(finding.Category), finding.Rule, finding.Confidence, Placeholders.For(finding, text), finding.ReasonCode, finding.Reason);

    public static FindingDto From(FieldFinding finding) =>
        new(finding.Finding.Start, finding.Finding.End, CategoryNames.Code(finding.Finding.Category), finding.Finding.Rule, finding.Finding.Confidence, finding.Placeholder, finding.Finding.ReasonCode, finding.Finding.Reason);
}
