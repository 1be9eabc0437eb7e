using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The findings check of a typed case text keeps the case's open meetings (and a verslag's check its meeting's agenda
/// and generated text) instead of querying them per check (issue 19): a save on this node that changes them must make
/// the next check read them again.
/// </summary>
public sealed class Case_open_meetings(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private static readonly IReadOnlyList<Guid> Before = [Guid.NewGuid()];
    private static readonly IReadOnlyList<Guid> After = [Guid.NewGuid(), Guid.NewGuid()];

    [Fact]
    public async Task Forgetting_everything_rereads_every_case_and_drops_a_read_that_raced_it()
    {
        var cache = new CaseOpenMeetings(new FakeTimeProvider());
        var (one, two) = (Guid.NewGuid(), Guid.NewGuid());
        await cache.GetAsync(one, _ => Task.FromResult(Before), default);

        var raced = await cache.GetAsync(two, _ => { cache.ForgetAll(); return Task.FromResult(Before); }, default);
        var rereadOne = await cache.GetAsync(one, _ => Task.FromResult(After), default);
        var rereadTwo = await cache.GetAsync(two, _ => Task.FromResult(After), default);

        Assert.Equal((Before, After, After), (raced, rereadOne, rereadTwo));
    }

    [Fact]
    public async Task Saving_an_agenda_item_forgets_its_case_and_saving_a_meeting_forgets_every_case_and_the_verslag_inputs()
    {
        var openMeetings = factory.Services.GetRequiredService<CaseOpenMeetings>();
        var minutesInputs = factory.Services.GetRequiredService<MinutesFindingInputs>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var item = await db.AgendaItems.FirstAsync();
        var otherCase = await db.CaseFiles.Where(c => c.Id != item.CaseFileId).Select(c => c.Id).FirstAsync();
        var verslag = new MinutesFindingInputsEntry([item.CaseFileId], null);
        await openMeetings.GetAsync(item.CaseFileId, _ => Task.FromResult(Before), default);
        await openMeetings.GetAsync(otherCase, _ => Task.FromResult(Before), default);
        await minutesInputs.GetAsync(item.MeetingId, _ => Task.FromResult(verslag), default);

        db.Entry(item).Property(a => a.Position).IsModified = true;
        await db.SaveChangesAsync();
        var itsCase = await openMeetings.GetAsync(item.CaseFileId, _ => Task.FromResult(After), default);
        var untouched = await openMeetings.GetAsync(otherCase, _ => Task.FromResult(After), default);
        var meeting = await db.Meetings.FirstAsync(m => m.Id == item.MeetingId);
        db.Entry(meeting).Property(m => m.Title).IsModified = true;
        await db.SaveChangesAsync();
        var afterMeeting = await openMeetings.GetAsync(otherCase, _ => Task.FromResult(After), default);
        var verslagAfter = await minutesInputs.GetAsync(item.MeetingId, _ => Task.FromResult(new MinutesFindingInputsEntry([], "nieuw")), default);

        Assert.Equal((After, Before, After), (itsCase, untouched, afterMeeting));
        Assert.Equal("nieuw", verslagAfter.GeneratedText);
    }
}
