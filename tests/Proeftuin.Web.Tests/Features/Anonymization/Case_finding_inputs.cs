using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Data.Anonymization;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Anonymization;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Anonymization;

/// <summary>
/// The live re-check keeps a case's guarded names and dismissals per case instead of reading them after every burst of
/// typing (issue 19): it must still see a change at once when it is saved on this node, and another node's change
/// after at most <see cref="CaseFindingInputs.MaxAge"/>.
/// </summary>
public sealed class Case_finding_inputs(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private static readonly CaseFindingInputsEntry First = new(new HashSet<string> { "first" }, []);
    private static readonly CaseFindingInputsEntry Second = new(new HashSet<string> { "second" }, []);

    [Fact]
    public async Task Inputs_are_read_once_and_again_after_the_max_age()
    {
        var clock = new FakeTimeProvider();
        var inputs = new CaseFindingInputs(clock);
        var caseId = Guid.NewGuid();
        var reads = 0;

        var first = await inputs.GetAsync(caseId, _ => { reads++; return Task.FromResult(First); }, default);
        clock.Advance(CaseFindingInputs.MaxAge - TimeSpan.FromMilliseconds(1));
        var cached = await inputs.GetAsync(caseId, _ => { reads++; return Task.FromResult(Second); }, default);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var reread = await inputs.GetAsync(caseId, _ => { reads++; return Task.FromResult(Second); }, default);

        Assert.Equal((First, First, Second, 2), (first, cached, reread, reads));
    }

    [Fact]
    public async Task A_read_that_raced_a_change_serves_its_check_but_is_not_kept()
    {
        var inputs = new CaseFindingInputs(new FakeTimeProvider());
        var caseId = Guid.NewGuid();

        var raced = await inputs.GetAsync(caseId, _ => { inputs.Forget(caseId); return Task.FromResult(First); }, default);
        var next = await inputs.GetAsync(caseId, _ => Task.FromResult(Second), default);

        Assert.Equal((First, Second), (raced, next));
    }

    [Fact]
    public async Task Saving_a_guarded_name_or_a_dismissal_forgets_the_cached_inputs_of_that_case()
    {
        var inputs = factory.Services.GetRequiredService<CaseFindingInputs>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var caseIds = await db.CaseFiles.Select(c => c.Id).Take(2).ToListAsync();
        var (changed, untouched) = (caseIds[0], caseIds[1]);
        await inputs.GetAsync(changed, _ => Task.FromResult(First), default);
        await inputs.GetAsync(untouched, _ => Task.FromResult(First), default);

        db.CaseGuardedNames.Add(new CaseGuardedName { CaseFileId = changed, Hash = $"test-{Guid.NewGuid():N}" });
        await db.SaveChangesAsync();
        var afterName = await inputs.GetAsync(changed, _ => Task.FromResult(Second), default);
        var other = await inputs.GetAsync(untouched, _ => Task.FromResult(Second), default);
        db.CaseFindingDismissals.Add(new CaseFindingDismissal
        {
            Id = Guid.NewGuid(), CaseFileId = changed, Category = Category.Person, TextHash = $"test-{Guid.NewGuid():N}", Reason = "test",
            DismissedById = await db.Professionals.Select(p => p.Id).FirstAsync(), DismissedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var afterDismissal = await inputs.GetAsync(changed, _ => Task.FromResult(First), default);

        Assert.Equal((Second, First, First), (afterName, other, afterDismissal));
    }

    [Fact]
    public async Task A_guarded_name_saved_while_a_room_types_is_flagged_at_the_next_check()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        await using var joost = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl");
        var seen = Received<FindingsBroadcast>.On(joost, nameof(IMeetingClient.FindingsChanged));
        var room = new LiveDocumentClient(joost, "joost-guarded");
        await room.JoinAsync(meetingId);
        var caseId = DocumentId.Parse(room.DocumentId).Id;
        const string word = "Zonnebloemveld";
        // The inputs as the re-check would have read them before the name was guarded.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var openFindings = scope.ServiceProvider.GetRequiredService<OpenFindings>();
            await factory.Services.GetRequiredService<CaseFindingInputs>().GetAsync(caseId, ct => openFindings.InputsAsync(caseId, ct), default);
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            var hashes = factory.Services.GetRequiredService<GuardedNames>().Hasher.HashNames([word]);
            var known = await db.CaseGuardedNames.Where(g => g.CaseFileId == caseId).Select(g => g.Hash).ToListAsync();
            db.CaseGuardedNames.AddRange(hashes.Where(h => !known.Contains(h)).Select(h => new CaseGuardedName { CaseFileId = caseId, Hash = h }));
            await db.SaveChangesAsync();
        }

        var at = room.Document.Text.Length;
        await room.TypeAsync(at, $"\n\nWe lopen langs {word}.");
        await room.WaitUntilSynchronizedAsync();
        var text = room.Document.Text;
        factory.Clock.Advance(FindingsMonitor.Delay);
        var flagged = await seen.FirstAsync(b => b.Findings.Any(f => text[f.Start..f.End] == word), "the finding of the guarded word");

        Assert.Equal(room.DocumentId, flagged.DocumentId);
    }
}
