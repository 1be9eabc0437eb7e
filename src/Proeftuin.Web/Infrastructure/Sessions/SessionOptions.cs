namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>How long a browser session lasts and how often live hub connections are checked (section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Without activity (a request or an open hub connection) the session ends after this many minutes.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>However active, a session ends this many hours after the sign-in.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>Every so many seconds each node checks its hub connections against the database.</summary>
    public int LiveCheckSeconds { get; set; } = 10;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    public TimeSpan LiveCheck => TimeSpan.FromSeconds(LiveCheckSeconds);
}
