namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// The optional external OpenID Connect provider (section <c>Authentication:External</c>), e.g. the municipality's
/// identity provider. Without an <see cref="Authority"/> there is no "Log in met …" button and no handler.
/// </summary>
public sealed class ExternalLoginOptions
{
    public const string Section = "Authentication:External";

    /// <summary>Shown on the button: "Log in met {Name}".</summary>
    public string? Name { get; set; }

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The authentication scheme, also the login provider stored with a linked account.</summary>
    public string Scheme { get; set; } = "extern";

    /// <summary>Only Development and tests may turn this off (a provider on plain HTTP).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Scheme : Name;

    /// <summary>Where the provider sends the browser back to; the handler redeems the code there.</summary>
    public string CallbackPath => "/signin-" + Scheme;
}
