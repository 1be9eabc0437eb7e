using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Data;
using Proeftuin.Data.Anonymization;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Cases;

/// <summary>
/// Cases over HTTP, for members of the case's wijk only: list, read (with text), the anonymisation findings, dismiss a
/// finding as not identifying, and the gate to "klaar voor bespreking".
/// </summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Cases");
        group.MapGet("/neighbourhoods/{neighbourhoodId:guid}/cases", ListAsync);
        group.MapPost("/neighbourhoods/{neighbourhoodId:guid}/cases", CreateAsync);
        group.MapGet("/cases/{caseId:guid}", ReadAsync);
        group.MapGet("/cases/{caseId:guid}/findings", FindingsAsync);
        group.MapPost("/cases/{caseId:guid}/dismissals", DismissAsync);
        group.MapPost("/cases/{caseId:guid}/ready", MarkReadyAsync);
        group.MapPut("/cases/{caseId:guid}/guarded-names", SetGuardedNamesAsync);
        group.MapCaseHistory();
        group.MapCaseExport();
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseSummaryDto>>, ProblemHttpResult>> ListAsync(
        Guid neighbourhoodId, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await access.IsMemberAsync(neighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "CaseList", NeighbourhoodId: neighbourhoodId), cancellationToken);
            return ProblemResults.Forbidden();
        }

        var cases = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NeighbourhoodId == neighbourhoodId)
            .OrderBy(c => c.Code)
            .Select(c => new CaseSummaryDto(c.Id, c.Code, c.Title, c.AgeBand.ToString(), c.Status.ToString()))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "CaseList", NeighbourhoodId: neighbourhoodId, Role: "Member"), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CaseSummaryDto>>(cases);
    }

    /// <summary>A new case from the Utrecht template, numbered next in its wijk (e.g. OND-2026-004).</summary>
    private static async Task<Results<Created<CaseDto>, ProblemHttpResult>> CreateAsync(
        Guid neighbourhoodId, NewCaseRequest request, ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Id == neighbourhoodId, cancellationToken);
        if (neighbourhood is null)
        {
            return ProblemResults.NotFound("Deze wijk");
        }

        if (!await CaseCreation.MayCreateAsync(neighbourhoodId, access, audit, cancellationToken))
        {
            return ProblemResults.Forbidden();
        }

        if (!Enum.TryParse<AgeBand>(request.AgeBand, out var ageBand) || !Enum.IsDefined(ageBand))
        {
            return ProblemResults.Invalid("Kies een leeftijdscategorie: Infant, Child, Adolescent of YoungAdult.");
        }

        CaseFile caseFile;
        try
        {
            caseFile = await CaseCreation.CreateAsync(neighbourhood, request.Title, ageBand, request.Themes ?? [], db, access, guard, audit, time, cancellationToken);
        }
        catch (GuardRefusedException refused)
        {
            return refused.Verdict.Problem();
        }
        catch (DomainException error)
        {
            return ProblemResults.Rule(error, error.Code == "case.code.taken" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        return TypedResults.Created($"/api/cases/{caseFile.Id}", ToDto(caseFile));
    }

    private static CaseDto ToDto(CaseFile c) => new(c.Id, c.Code, c.Title, c.AgeBand.ToString(), c.Status.ToString(), c.Themes, c.Text, c.Revision);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> ReadAsync(
        Guid caseId, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var caseFile = await db.CaseFiles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (caseFile is null)
        {
            return ProblemResults.NotFound("Deze casus");
        }

        if (!await access.IsMemberAsync(caseFile.NeighbourhoodId, cancellationToken))
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId), cancellationToken);
            return ProblemResults.Forbidden();
        }

        await audit.RecordAsync(new AuditEvent("read", "success", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(ToDto(caseFile));
    }

    private static async Task<Results<Ok<IReadOnlyList<FindingDto>>, ProblemHttpResult>> FindingsAsync(
        Guid caseId, ProeftuinDbContext db, NeighbourhoodAccess access, OpenFindings openFindings, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        // Offsets into the text as it stands now (the op log), the same text "ready" and the exports judge.
        var text = await openFindings.LiveTextAsync(caseFile, cancellationToken);
        var open = await openFindings.ForCaseAsync(caseFile, text, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FindingDto>>([.. open.Select(f => FindingDto.From(f, text))]);
    }

    /// <summary>A member judges a finding "niet identificerend"; only a keyed hash of its text is stored.</summary>
    private static async Task<Results<Created, ProblemHttpResult>> DismissAsync(
        Guid caseId, DismissalRequest request, ProeftuinDbContext db, NeighbourhoodAccess access, GuardedNames guarded, OpenFindings openFindings, Preparation.CaseEditRelay relay, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        var text = await openFindings.LiveTextAsync(caseFile, cancellationToken);
        var finding = guarded.Detector.Scan(text, await GuardedNames.ForCaseAsync(db, caseId, cancellationToken))
            .FirstOrDefault(f => f.Start == request.Start && f.End == request.End && CategoryNames.Code(f.Category) == request.Category);
        if (finding is null)
        {
            return ProblemResults.Invalid("Er is geen bevinding op deze plaats in de huidige tekst. Laad de bevindingen opnieuw.");
        }

        FindingDismissal dismissal;
        try
        {
            dismissal = FindingDismissal.For(finding, text, request.Reason ?? string.Empty, guarded.Hasher);
        }
        catch (ArgumentException error)
        {
            return ProblemResults.Invalid(error.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }

        var entity = new CaseFindingDismissal
        {
            Id = Guid.NewGuid(),
            CaseFileId = caseFile.Id,
            Category = dismissal.Category,
            TextHash = dismissal.TextHash,
            Reason = dismissal.Reason,
            DismissedById = access.UserId,
            DismissedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.CaseFindingDismissals.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("dismiss-finding", "success", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        // The case page and any meeting room with the text open see the finding go at once.
        await relay.RecheckAsync(caseId, cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/dismissals/{entity.Id}");
    }

    /// <summary>
    /// "Klaar voor bespreking": only when the text as it stands now — the live text in the op log, not the copy stored
    /// at the last close — has no open finding.
    /// </summary>
    private static async Task<Results<Ok<CaseSummaryDto>, ProblemHttpResult>> MarkReadyAsync(
        Guid caseId, ProeftuinDbContext db, NeighbourhoodAccess access, OpenFindings openFindings, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await MemberCaseAsync(caseId, db, access, cancellationToken, tracked: true);
        if (caseFile is null)
        {
            return problem!;
        }

        var open = await openFindings.ForCaseAsync(caseFile, await openFindings.LiveTextAsync(caseFile, cancellationToken), cancellationToken);
        try
        {
            caseFile.MarkReadyForDiscussion(open.Count, time.GetUtcNow().UtcDateTime);
        }
        catch (DomainException error)
        {
            await audit.RecordAsync(new AuditEvent("update", "denied", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
            return ProblemResults.Rule(error);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "CaseFile", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        return TypedResults.Ok(new CaseSummaryDto(caseFile.Id, caseFile.Code, caseFile.Title, caseFile.AgeBand.ToString(), caseFile.Status.ToString()));
    }

    internal static async Task<(CaseFile? Case, ProblemHttpResult? Problem)> MemberCaseAsync(
        Guid caseId, ProeftuinDbContext db, NeighbourhoodAccess access, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.CaseFiles : db.CaseFiles.AsNoTracking();
        var caseFile = await query.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (caseFile is null)
        {
            return (null, ProblemResults.NotFound("Deze casus"));
        }

        return await access.IsMemberAsync(caseFile.NeighbourhoodId, cancellationToken) ? (caseFile, null) : (null, ProblemResults.Forbidden());
    }

    /// <summary>
    /// Replaces the case's guarded names: only the keyed hashes of their tokens are stored, never the names, and the
    /// audit log records that they changed, not what they are.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SetGuardedNamesAsync(
        Guid caseId, GuardedNamesRequest request, ProeftuinDbContext db, NeighbourhoodAccess access, GuardedNames guarded, Preparation.CaseEditRelay relay, AuditLog audit, CancellationToken cancellationToken)
    {
        var (caseFile, problem) = await MemberCaseAsync(caseId, db, access, cancellationToken);
        if (caseFile is null)
        {
            return problem!;
        }

        if (request.Names is null || request.Names.Count > 50 || request.Names.Any(n => n is null || n.Length > 200))
        {
            return ProblemResults.Invalid("Geef hoogstens 50 namen van hoogstens 200 tekens.");
        }

        var hashes = guarded.Hasher.HashNames(request.Names);
        await db.CaseGuardedNames.Where(g => g.CaseFileId == caseId).ExecuteDeleteAsync(cancellationToken);
        db.CaseGuardedNames.AddRange(hashes.Select(h => new CaseGuardedName { CaseFileId = caseId, Hash = h }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("update", "success", "GuardedNames", caseId.ToString(), caseFile.NeighbourhoodId, "Member"), cancellationToken);
        await relay.RecheckAsync(caseId, cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record NewCaseRequest(string? Title, string? AgeBand, IReadOnlyList<string>? Themes);

public sealed record CaseSummaryDto(Guid Id, string Code, string Title, string AgeBand, string Status);

public sealed record CaseDto(Guid Id, string Code, string Title, string AgeBand, string Status, IReadOnlyList<string> Themes, string Text, long Revision);

public sealed record DismissalRequest(int Start, int End, string Category, string? Reason);

public sealed record GuardedNamesRequest(IReadOnlyList<string>? Names);
