using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Collaboration;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Hardening;

/// <summary>
/// More than ten thousand random and malformed calls — wrong types, huge strings, invalid operations, stale and future
/// revisions, other wijken's ids — from a signed-in member of Binnenstad at Ondiep's meeting and cases. Every call gets
/// an answer (a typed error), the server stays up, and nothing changes: not the texts, not the op log, and the audit
/// chain still verifies with only refusals added.
/// </summary>
public sealed class Fuzzing_the_hub_and_the_api(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const int HubCalls = 8_000;
    private const int HttpCalls = 2_500;
    private const string Outsider = "ingrid.meijer@demo.proeftuin.nl"; // chair of Binnenstad, nothing in Ondiep
    private const string Member = "kevin.smit@demo.proeftuin.nl"; // member of Ondiep
    private const int HostileCalls = 400;

    private static readonly string[] Methods =
    [
        .. typeof(MeetingHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name is not (nameof(MeetingHub.OnDisconnectedAsync) or nameof(MeetingHub.OnConnectedAsync))).Select(m => m.Name),
        "NoSuchMethod", "OnConnectedAsync", "joinmeeting",
    ];

    [Fact]
    public async Task Ten_thousand_random_calls_get_typed_errors_and_change_nothing()
    {
        var (meetingId, caseIds) = await OndiepAsync();
        var before = await StateAsync();
        var random = new Random(20261130);
        var connections = new List<HubConnection>();
        for (var i = 0; i < 4; i++)
        {
            connections.Add(await HubConnections.ConnectAsync(factory, Outsider, messagePack: i % 2 == 1));
        }

        var answered = 0;
        var typedErrors = 0;
        for (var call = 0; call < HubCalls; call++)
        {
            var connection = connections[call % connections.Count];
            var method = Methods[random.Next(Methods.Length)];
            var arguments = Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomArgument(random, meetingId, caseIds)).ToArray();
            try
            {
                var result = await connection.InvokeCoreAsync<HubResult<object>>(method, arguments);
                Assert.False(result.Ok && method is nameof(MeetingHub.SubmitOperation) or nameof(MeetingHub.AddRecommendation), $"{method} succeeded for an outsider");
                typedErrors += result.Ok ? 0 : 1;
            }
            catch (HubException)
            {
                // Unknown method, wrong argument count or types: SignalR's typed refusal; the connection stays up.
                typedErrors++;
            }

            answered++;
        }

        var http = await FuzzHttpAsync(random, caseIds);

        Assert.Equal(HubCalls, answered);
        Assert.All(connections, c => Assert.Equal(HubConnectionState.Connected, c.State));
        Assert.True(typedErrors > HubCalls / 2, $"only {typedErrors} typed errors");
        Assert.Equal(HttpCalls, http);
        var after = await StateAsync();
        Assert.Equal(before.Texts, after.Texts);
        Assert.Equal(before.Operations, after.Operations);
        Assert.Equal(before.Recommendations, after.Recommendations);
        Assert.Null(after.BrokenAuditEntry);
        Assert.All(after.NewAuditOutcomes(before), outcome => Assert.StartsWith("denied", outcome, StringComparison.Ordinal));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// A member of the wijk, joined to the meeting, sends hundreds of hostile operations (wrapping, huge, negative and
    /// zero counts, numbers beyond int, texts above the document limit) over JSON and MessagePack: every one is answered
    /// with a typed refusal, no connection drops, nothing reaches the op log, and every document still opens and takes a
    /// good edit afterwards.
    /// </summary>
    [Fact]
    public async Task Hostile_operations_from_a_member_are_refused_and_every_document_still_opens()
    {
        var (meetingId, _) = await OndiepAsync();
        var before = await StateAsync();
        var random = new Random(20261202);
        var connections = new List<HubConnection>();
        var documents = new List<DocumentState>();
        for (var i = 0; i < 8; i++)
        {
            var connection = await HubConnections.ConnectAsync(factory, Member, messagePack: i % 2 == 1);
            var joined = await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
            documents = [.. joined.Value!.Documents];
            connections.Add(connection);
        }

        var codes = new List<string>();
        for (var call = 0; call < HostileCalls; call++)
        {
            var document = documents[random.Next(documents.Count)];
            var result = await connections[call % connections.Count].InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation), new
            {
                document.DocumentId,
                BaseRevision = document.Revision,
                Operation = Testing.Fuzz.HostileOperations.Next(random, document.Text.Length),
                ClientId = $"hostile-{call % 3}",
                ClientSeq = (long)call + 1,
            });
            codes.Add(result.Ok ? "applied" : result.Error!.Code);
        }

        var after = await StateAsync();
        await using var check = await HubConnections.ConnectAsync(factory, Member);
        var reopened = await check.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var edits = new List<HubResult<SubmitAck>>();
        foreach (var document in reopened.Value!.Documents)
        {
            edits.Add(await check.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation), new SubmitRequest(
                document.DocumentId, document.Revision, Core.Collaboration.TextOperation.InsertAt(document.Text.Length, document.Text.Length, "."), "after-fuzz", 1)));
        }

        Assert.All(codes, code => Assert.Contains(code, new[] { "operation.too-large", "operation.negative", "operation.malformed", "operation.length" }));
        Assert.Contains("operation.too-large", codes);
        Assert.Contains("operation.malformed", codes);
        Assert.All(connections, c => Assert.Equal(HubConnectionState.Connected, c.State));
        Assert.Equal(before.Operations, after.Operations);
        Assert.Equal(before.Texts, after.Texts);
        Assert.Equal(documents.Select(d => (d.DocumentId, d.Text)), reopened.Value.Documents.Select(d => (d.DocumentId, d.Text)));
        Assert.All(edits, e => Assert.True(e.Ok, e.Error?.Message));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Random API requests: every answer is below 500, and an error is ProblemDetails.</summary>
    private async Task<int> FuzzHttpAsync(Random random, IReadOnlyList<Guid> caseIds)
    {
        var client = await factory.SignedInAsync(Outsider);
        string[] routes =
        [
            "/api/cases/{id}", "/api/cases/{id}/findings", "/api/cases/{id}/dismissals", "/api/cases/{id}/ready", "/api/cases/{id}/guarded-names",
            "/api/cases/{id}/history", "/api/cases/{id}/history/{n}", "/api/neighbourhoods/{id}/cases", "/api/neighbourhoods/{id}/meetings",
            "/api/meetings/{id}", "/api/anonymization/scan", "/api/neighbourhoods/", "/api/{junk}",
        ];
        HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];
        var answered = 0;
        for (var i = 0; i < HttpCalls; i++)
        {
            var path = routes[random.Next(routes.Length)]
                .Replace("{id}", random.Next(3) == 0 ? caseIds[random.Next(caseIds.Count)].ToString() : RandomToken(random), StringComparison.Ordinal)
                .Replace("{n}", random.Next(5) == 0 ? "-1" : random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{junk}", RandomToken(random), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(methods[random.Next(methods.Length)], new Uri(path, UriKind.Relative));
            if (request.Method != HttpMethod.Get)
            {
                request.Content = new StringContent(RandomBody(random), Encoding.UTF8, random.Next(4) == 0 ? "text/plain" : "application/json");
            }

            using var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{request.Method} {path} → {(int)response.StatusCode}");
            if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentLength > 0)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            answered++;
        }

        return answered;
    }

    private static object? RandomArgument(Random random, Guid meetingId, IReadOnlyList<Guid> caseIds) => random.Next(13) switch
    {
        0 => null,
        1 => meetingId,
        2 => Guid.NewGuid(),
        3 => random.Next(int.MinValue, int.MaxValue),
        4 => new string('x', random.Next(0, 20_000)),
        5 => RandomToken(random),
        6 => new SubmitRequest(MeetingHub.CaseDocument(caseIds[random.Next(caseIds.Count)]), random.Next(-5, 10_000),
            Core.Collaboration.TextOperation.InsertAt(random.Next(0, 3000), 0, "fuzz"), RandomToken(random), random.NextInt64()),
        7 => new { DocumentId = RandomToken(random), BaseRevision = "nul", Operation = new object[] { 0, -1, "", 5 }, ClientId = new string('c', 500), ClientSeq = -1 },
        8 => new RecommendationInput(new string('r', random.Next(0, 5000)), ["NoPillar", "ClientCentred"], "Galaxy", ["Astronaut"], Guid.NewGuid(), null, caseIds[0]),
        9 => new CursorPosition(RandomToken(random), random.Next(), random.Next(-100, 100), random.Next(-100, 100)),
        10 => new object[] { 1, "twee", 3.0, false },
        11 => new { DocumentId = MeetingHub.CaseDocument(caseIds[random.Next(caseIds.Count)]).ToString(), BaseRevision = 0L, Operation = Testing.Fuzz.HostileOperations.Next(random, random.Next(0, 3000)), ClientId = RandomToken(random), ClientSeq = random.NextInt64() },
        _ => random.NextDouble(),
    };

    private static string RandomToken(Random random)
    {
        // No NUL: the in-memory test server refuses it before the app sees it (Kestrel answers 400).
        const string alphabet = "abcXYZ019-_:%/.\\\"'<>{}[]éž中\u202e";
        var length = random.Next(0, 40);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return Uri.EscapeDataString(builder.ToString());
    }

    private static string RandomBody(Random random) => random.Next(6) switch
    {
        0 => string.Empty,
        1 => "{",
        2 => "{\"text\": " + new string('9', random.Next(1, 400)) + "}",
        3 => "{\"start\": -5, \"end\": 99999999, \"category\": \"PERSON\", \"reason\": null}",
        4 => "{\"names\": [" + string.Join(',', Enumerable.Repeat("\"" + new string('n', 300) + "\"", random.Next(0, 80))) + "]}",
        _ => "{\"title\": \"" + new string('t', random.Next(0, 400)) + "\", \"ageBand\": \"Child\", \"scheduledStart\": \"gisteren\", \"agenda\": [{\"caseId\": \"x\"}]}",
    };

    private async Task<(Guid Meeting, IReadOnlyList<Guid> Cases)> OndiepAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.Where(n => n.Slug == "ondiep").Select(n => n.Id).SingleAsync();
        var meeting = await factory.Services.PlannedMeetingAsync("ondiep");
        var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep).Select(c => c.Id).ToListAsync();
        return (meeting, cases);
    }

    private async Task<Snapshot> StateAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return new Snapshot(
            string.Join('|', await db.CaseFiles.OrderBy(c => c.Id).Select(c => c.Text + c.Status).ToListAsync()),
            await db.Set<DocumentOperationRecord>().CountAsync(),
            await db.Recommendations.CountAsync(),
            await AuditWriter.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<Proeftuin.Core.Audit.AuditKey>(), CancellationToken.None),
            await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => new AuditRow(a.Sequence, a.Outcome, a.Action, a.ObjectType)).ToListAsync());
    }

    private sealed record AuditRow(long Sequence, string Outcome, string Action, string? ObjectType);

    private sealed record Snapshot(string Texts, int Operations, int Recommendations, long? BrokenAuditEntry, List<AuditRow> Audit)
    {
        /// <summary>
        /// Outcomes of audit entries written after <paramref name="earlier"/>, apart from what an outsider may do: sign
        /// in, get a token, list the wijken they belong to, and scan a text of their own for identifying details.
        /// </summary>
        public IEnumerable<string> NewAuditOutcomes(Snapshot earlier) =>
            Audit.Where(a => a.Sequence > (earlier.Audit.Count == 0 ? 0 : earlier.Audit[^1].Sequence))
                .Where(a => !a.Action.StartsWith("login", StringComparison.Ordinal) && a.Action != "token-grant"
                    && a.ObjectType is not ("NeighbourhoodList" or "Text"))
                .Select(a => $"{a.Outcome} ({a.Action} {a.ObjectType})");
    }
}
