using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Infrastructure;

/// <summary>Opening and submitting the server-rendered pages as a signed-in user, and looking at what they stored.</summary>
public static class PageRequests
{
    /// <summary>Follows redirects (a refusal lands on the access-denied page with 403).</summary>
    public static async Task<PageResult> OpenAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return new PageResult(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    /// <summary>Posts a form to <paramref name="action"/> with the anti-forgery token of <paramref name="tokenPage"/>.</summary>
    public static async Task<PageResult> SubmitAsync(this HttpClient client, string tokenPage, string action, IDictionary<string, string> fields)
    {
        using var response = await BrowserlessLogin.PostFormAsync(client, tokenPage, action, fields);
        return new PageResult(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    public static async Task<T> QueryAsync<T>(this ProeftuinWebFactory factory, Func<ProeftuinDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>());
    }

    public static Task<Guid> NeighbourhoodIdAsync(this ProeftuinWebFactory factory, string slug) =>
        factory.QueryAsync(db => db.Neighbourhoods.Where(n => n.Slug == slug).Select(n => n.Id).SingleAsync());

    public static async Task<Guid> FirstCaseIdAsync(this ProeftuinWebFactory factory, string slug)
    {
        var neighbourhood = await factory.NeighbourhoodIdAsync(slug);
        return await factory.QueryAsync(db => db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood).OrderBy(c => c.Code).Select(c => c.Id).FirstAsync());
    }

    public static Task<bool> AuditedAsync(this ProeftuinWebFactory factory, string objectType, string? objectId, string outcome) =>
        factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == objectType && (objectId == null || e.ObjectId == objectId) && e.Outcome == outcome));
}

/// <summary>A page as the browser got it; <see cref="Text"/> has the HTML entities decoded (Razor encodes ë, ‘ and the like).</summary>
public sealed record PageResult(HttpStatusCode Status, string Html, Uri Landed)
{
    public string Text => WebUtility.HtmlDecode(Html);
}
