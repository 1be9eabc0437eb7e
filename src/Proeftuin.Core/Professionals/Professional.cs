using Proeftuin.Core.Common;

namespace Proeftuin.Core.Professionals;

/// <summary>
/// A person who works with Proeftuin. Shares its id with the login account; the domain knows nothing of passwords.
/// </summary>
public sealed class Professional
{
    public const int MaxNameLength = 120;
    public const int MaxOrganisationLength = 160;

    /// <summary>The domain of the address an anonymised professional gets: reserved (RFC 2606), so no mail can reach it.</summary>
    public const string AnonymisedDomain = "anoniem.invalid";

    private readonly List<Membership> _memberships = [];

    private Professional()
    {
        DisplayName = string.Empty;
        Email = string.Empty;
    }

    public Professional(Guid id, string displayName, string email, Discipline discipline, string? organisation)
    {
        Id = id;
        DisplayName = Guard.Required(displayName, "professional.name", "Geef een naam op", MaxNameLength);
        Email = Guard.Required(email, "professional.email", "Geef een e-mailadres op", 256).ToLowerInvariant();
        if (!Email.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException("professional.email", "Het e-mailadres is ongeldig.");
        }

        Discipline = discipline;
        Organisation = Guard.Optional(organisation, "professional.organisation", "De naam van praktijk of team is te lang", MaxOrganisationLength);
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public Discipline Discipline { get; private set; }

    /// <summary>Practice or team, e.g. "Huisartsenpraktijk De Singel" or "Buurtteam Ondiep".</summary>
    public string? Organisation { get; private set; }

    public IReadOnlyList<Membership> Memberships => _memberships;

    /// <summary>True once <see cref="Anonymise"/> has replaced the person by a label; it cannot be undone.</summary>
    public bool IsAnonymised => Email.EndsWith("@" + AnonymisedDomain, StringComparison.Ordinal);

    /// <summary>The neutral name of a departed professional: the same for the same id, so records that named them still tell them apart.</summary>
    public static string AnonymisedName(Guid id) => "Voormalig deelnemer " + id.ToString("N")[..4].ToUpperInvariant();

    /// <summary>
    /// Replaces name, address and organisation by a label without meaning and ends every membership. The id stays, so
    /// the recommendations they own and the audit entries of what they did still point at the same (now nameless) person.
    /// </summary>
    public void Anonymise()
    {
        DisplayName = AnonymisedName(Id);
        Email = Id.ToString("N") + "@" + AnonymisedDomain;
        Organisation = null;
        _memberships.Clear();
    }

    public bool IsMemberOf(Guid neighbourhoodId) => _memberships.Exists(m => m.NeighbourhoodId == neighbourhoodId);

    public bool IsChairOf(Guid neighbourhoodId) => _memberships.Exists(m => m.NeighbourhoodId == neighbourhoodId && m.IsChair);

    /// <summary>Adds or changes the membership of a wijk; one membership per wijk.</summary>
    public Membership JoinNeighbourhood(Guid neighbourhoodId, MembershipRole role)
    {
        var existing = _memberships.Find(m => m.NeighbourhoodId == neighbourhoodId);
        if (existing is not null)
        {
            existing.Role = role;
            return existing;
        }

        var membership = new Membership(Id, neighbourhoodId, role);
        _memberships.Add(membership);
        return membership;
    }

    public void LeaveNeighbourhood(Guid neighbourhoodId) =>
        _memberships.RemoveAll(m => m.NeighbourhoodId == neighbourhoodId);
}
