using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Proeftuin.Testing;

/// <summary>
/// The wall clock of a test app's authenticator (TOTP) check, which a test may move forward by whole 30-second steps.
/// Every code works once and only the steps around now are accepted, so an app that signs one account in more than a
/// few times within 30 seconds (one login per hub connection) ran out of codes, and the test waited idle for the next
/// step, up to 30 seconds each time. <see cref="Totp.NextCodeAsync"/> now moves this clock one step on instead: the
/// same single-use and window checks run, only the waiting is gone. The app's other clocks are untouched.
/// </summary>
public sealed class AuthenticatorClock : TimeProvider
{
    private const long StepSeconds = 30;
    private long _skippedSteps;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddSeconds(Interlocked.Read(ref _skippedSteps) * StepSeconds);

    /// <summary>Moves the clock to the step after <paramref name="step"/>, unless it is there already (another login did it).</summary>
    public void SkipPast(long step)
    {
        while (true)
        {
            var skipped = Interlocked.Read(ref _skippedSteps);
            var current = GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
            if (current > step || Interlocked.CompareExchange(ref _skippedSteps, skipped + 1, skipped) == skipped)
            {
                return;
            }
        }
    }

    /// <summary>The authenticator clock of <paramref name="server"/> (a test app), or null when it checks codes on another clock.</summary>
    public static AuthenticatorClock? Of(object server) =>
        server is WebApplicationFactory<Program> factory ? factory.Services.GetService<AuthenticatorClock>() : null;
}
