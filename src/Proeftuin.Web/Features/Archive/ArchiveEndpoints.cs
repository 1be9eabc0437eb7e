using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Archive;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Archive;

/// <summary>
/// <c>GET /api/archive?q=…</c>: the archive search over HTTP, with the page's rules (own wijken only, audit-logged).
/// Filters: theme, ageBand (Infant, Child, Adolescent, YoungAdult), pillar (ClientCentred, AppropriateCare,
/// ProfessionalCoordination, Preconditions), from and to (yyyy-MM-dd).
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/archive", SearchAsync)
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Archive");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ArchiveHitDto>>, ProblemHttpResult>> SearchAsync(
        string? q, string? theme, string? ageBand, string? pillar, DateOnly? from, DateOnly? to, ArchiveSearching searching, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > ArchiveSearching.MaxQueryLength)
        {
            return ProblemResults.Invalid($"Geef een zoekterm van hoogstens {ArchiveSearching.MaxQueryLength} tekens (q).");
        }

        AgeBand? band = null;
        if (!string.IsNullOrEmpty(ageBand))
        {
            if (!Enum.TryParse<AgeBand>(ageBand, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ProblemResults.Invalid("Onbekende leeftijdscategorie: kies Infant, Child, Adolescent of YoungAdult.");
            }

            band = parsed;
        }

        VisionPillar? visionPillar = null;
        if (!string.IsNullOrEmpty(pillar))
        {
            if (!Enum.TryParse<VisionPillar>(pillar, out var parsed) || parsed == VisionPillar.None || !Enum.IsDefined(parsed))
            {
                return ProblemResults.Invalid("Onbekende pijler: kies ClientCentred, AppropriateCare, ProfessionalCoordination of Preconditions.");
            }

            visionPillar = parsed;
        }

        var result = await searching.SearchAsync(new ArchiveQuery(q.Trim(), theme, band, visionPillar, from, to), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ArchiveHitDto>>([.. result.Hits.Select(ArchiveHitDto.From)]);
    }
}

/// <summary>
/// One hit: kind "case", "recommendation" or "minutes" (then <see cref="Id"/> is the meeting's, with its title, and the date
/// the day it was held). <see cref="Snippet"/> is HTML in which only &lt;mark&gt; is markup; render nothing else from it.
/// </summary>
public sealed record ArchiveHitDto(
    string Kind,
    Guid Id,
    Guid NeighbourhoodId,
    string NeighbourhoodName,
    Guid? CaseFileId,
    string? CaseCode,
    string? CaseTitle,
    IReadOnlyList<string> Pillars,
    DateTime CreatedAtUtc,
    string Snippet,
    double Score,
    string? MeetingTitle)
{
    public static string KindName(ArchiveHitKind kind) => kind switch
    {
        ArchiveHitKind.Case => "case",
        ArchiveHitKind.Recommendation => "recommendation",
        _ => "minutes",
    };

    public static ArchiveHitDto From(ArchiveHit hit) => new(
        KindName(hit.Kind),
        hit.Id,
        hit.NeighbourhoodId,
        hit.NeighbourhoodName,
        hit.CaseFileId,
        hit.CaseCode,
        hit.CaseTitle,
        [.. Enum.GetValues<VisionPillar>().Where(p => p != VisionPillar.None && hit.Pillars.HasFlag(p)).Select(p => p.ToString())],
        hit.CreatedAtUtc,
        hit.Snippet,
        hit.Score,
        hit.MeetingTitle);
}
