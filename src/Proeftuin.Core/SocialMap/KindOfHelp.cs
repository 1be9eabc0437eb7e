namespace Proeftuin.Core.SocialMap;

/// <summary>The kind of help a service on the sociale kaart gives; labels live in the resx files.</summary>
public enum KindOfHelp
{
    Opvoedondersteuning = 0,
    JeugdGgz = 1,
    Buurtteam = 2,
    OnderwijsLeerplicht = 3,
    HuiselijkGeweld = 4,
    Verslavingszorg = 5,
    FinancieleHulp = 6,
    VrijeTijdSport = 7,
    Overig = 8,
}
