using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Core.Audit;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Web.Features.Audit;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Audit;

/// <summary>The background service that writes signed checkpoints of the app's audit log, driven by a fake clock.</summary>
public sealed class Audit_checkpoint_service(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"proeftuin-checkpoints-{Guid.NewGuid():N}.log");

    [Fact]
    public async Task Writes_a_checkpoint_at_start_then_each_interval_the_log_grew_and_the_app_log_verifies_against_it()
    {
        var services = factory.Services;
        var key = services.GetRequiredService<AuditKey>();
        var settings = services.GetRequiredService<AuditSettings>() with { Interval = TimeSpan.FromMinutes(5) };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await RecordAsync("eerste");
        var writer = new AuditCheckpointWriter(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ProeftuinDbContext>>(), key, new FileCheckpointSink(_file), time);
        using var service = new AuditCheckpointService(writer, settings with { CheckpointPath = _file }, time, NullLogger<AuditCheckpointService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var atStart = await LatestAsync(key, minimumSequence: 1);
        await RecordAsync("tweede");
        time.Advance(TimeSpan.FromMinutes(4));
        var beforeInterval = (await CheckpointReading.ReadAsync(_file, key, CancellationToken.None)).Latest;
        time.Advance(TimeSpan.FromMinutes(1));
        var afterInterval = await LatestAsync(key, atStart.Sequence + 1);
        await service.StopAsync(CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var verdict = await AuditVerifier.VerifyAsync(
            scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>(), key, await CheckpointReading.ReadAsync(_file, key, CancellationToken.None), CancellationToken.None);
        Assert.Equal(atStart, beforeInterval);
        Assert.Equal(time.GetUtcNow().UtcDateTime, afterInterval.TimeUtc);
        Assert.True(verdict.Intact, verdict.Message);
    }

    private async Task RecordAsync(string what)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(new AuditEvent("test", "success", "Test", what, UserName: "test"));
    }

    /// <summary>Waits (on the condition, not a fixed time) for a checkpoint at or past <paramref name="minimumSequence"/>.</summary>
    private async Task<AuditCheckpoint> LatestAsync(AuditKey key, long minimumSequence)
    {
        var deadline = DateTime.UtcNow + Proeftuin.Testing.Eventually.DefaultTimeout;
        while (true)
        {
            var latest = (await CheckpointReading.ReadAsync(_file, key, CancellationToken.None)).Latest;
            if (latest is not null && latest.Sequence >= minimumSequence)
            {
                return latest;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No checkpoint at or past {minimumSequence} in {_file}.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => File.Delete(_file);
}
