using Proeftuin.Core.Common;

namespace Proeftuin.Core.SocialMap;

/// <summary>
/// A service or organisation on the sociale kaart of a wijk: who to call for what. Kept by any member of the wijk;
/// about organisations only, never about a client.
/// </summary>
public sealed class SocialMapService
{
    public const int MaxNameLength = 160;
    public const int MaxHowToReferLength = 500;
    public const int MaxPhoneLength = 40;
    public const int MaxWebsiteLength = 300;
    public const int MaxOpeningHoursLength = 200;
    public const int MaxDescriptionLength = 1000;

    private SocialMapService()
    {
        Name = string.Empty;
        HowToRefer = string.Empty;
    }

    public SocialMapService(
        Guid id, Guid neighbourhoodId, string name, KindOfHelp kindOfHelp, string howToRefer, string? phone, string? website,
        string? openingHours, string? description, Guid updatedBy, DateTime nowUtc)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        Name = string.Empty;
        HowToRefer = string.Empty;
        Apply(name, kindOfHelp, howToRefer, phone, website, openingHours, description, updatedBy, nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    /// <summary>Name of the organisation or service, e.g. "Buurtteam Jeugd en Gezin Overvecht".</summary>
    public string Name { get; private set; }

    public KindOfHelp KindOfHelp { get; private set; }

    /// <summary>How to refer or sign someone up (aanmelden).</summary>
    public string HowToRefer { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>An absolute http(s) URL, so the page can link it without risk of a javascript: link.</summary>
    public string? Website { get; private set; }

    /// <summary>Free text, e.g. "ma–vr 9.00–17.00".</summary>
    public string? OpeningHours { get; private set; }

    public string? Description { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The professional who last changed it.</summary>
    public Guid UpdatedBy { get; private set; }

    /// <summary>Concurrency token: a form posted with an older version is stale and saves nothing.</summary>
    public int Version { get; private set; }

    public void Update(
        string name, KindOfHelp kindOfHelp, string howToRefer, string? phone, string? website, string? openingHours,
        string? description, Guid updatedBy, DateTime nowUtc)
    {
        Apply(name, kindOfHelp, howToRefer, phone, website, openingHours, description, updatedBy, nowUtc);
        Version++;
    }

    private void Apply(
        string name, KindOfHelp kindOfHelp, string howToRefer, string? phone, string? website, string? openingHours,
        string? description, Guid updatedBy, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kindOfHelp))
        {
            throw new DomainException("socialmap.service.kind", "Kies een soort hulp");
        }

        var name1 = Guard.Required(name, "socialmap.service.name", "Vul de naam van de dienst of organisatie in", MaxNameLength);
        var refer = Guard.Required(howToRefer, "socialmap.service.refer", "Vul in hoe je verwijst of aanmeldt", MaxHowToReferLength);
        var phone1 = Guard.Optional(phone, "socialmap.service.phone", "Het telefoonnummer is te lang", MaxPhoneLength);
        var site = Guard.Optional(website, "socialmap.service.website", "De website is te lang", MaxWebsiteLength);
        if (site is not null && !IsHttpUrl(site))
        {
            throw new DomainException("socialmap.service.website", "Vul een website in die begint met http:// of https://");
        }

        var hours = Guard.Optional(openingHours, "socialmap.service.hours", "De openingstijden zijn te lang", MaxOpeningHoursLength);
        var text = Guard.Optional(description, "socialmap.service.description", "De omschrijving is te lang", MaxDescriptionLength);
        var at = Guard.Utc(nowUtc);

        Name = name1;
        KindOfHelp = kindOfHelp;
        HowToRefer = refer;
        Phone = phone1;
        Website = site;
        OpeningHours = hours;
        Description = text;
        UpdatedBy = updatedBy;
        UpdatedAtUtc = at;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
