using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// <c>GET /api/me/export</c>: the signed-in professional downloads their own data as JSON (mijn-gegevens-yyyyMMdd.json),
/// audit-logged as "export" of their own <c>Profile</c>. Only ever the caller's own data: there is no id to ask for.
/// </summary>
public static class PersonalDataEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RouteGroupBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me")
            .RequireAuthorization(IdentitySetup.TwoFactorCompleted)
            .WithTags("Personal data");
        group.MapGet("/export", ExportAsync);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        PersonalDataExport export, NeighbourhoodAccess access, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await export.ForAsync(access.UserId, now, cancellationToken) is not { } data)
        {
            return TypedResults.NotFound();
        }

        await audit.RecordAsync(new AuditEvent("export", "success", "Profile", access.UserId.ToString()), cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"mijn-gegevens-{now:yyyyMMdd}.json");
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", name);
    }
}
