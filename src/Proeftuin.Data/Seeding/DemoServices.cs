using Proeftuin.Core.SocialMap;

namespace Proeftuin.Data.Seeding;

/// <summary>
/// The services on each demo wijk's sociale kaart: the kinds of organisation a Utrecht wijk refers to. Local teams
/// carry no phone number or website of their own here (the demo must not send anyone to a wrong number); the
/// national lines carry their well-known public numbers.
/// </summary>
internal static class DemoServices
{
    private static readonly DemoService[] Everywhere =
    [
        new("Kindertelefoon", KindOfHelp.Overig, "Kinderen en jongeren bellen of chatten zelf, anoniem en gratis. Geef het nummer mee.",
            "0800-0432", "https://www.kindertelefoon.nl", "Elke dag 11.00–21.00", "Luisterend oor voor kinderen van 8 tot 18 jaar."),
        new("Veilig Thuis regio Utrecht", KindOfHelp.HuiselijkGeweld, "Bel voor advies of een melding; overleg eerst anoniem als je twijfelt.",
            "0800-2000", "https://www.veiligthuis.nl", "Dag en nacht bereikbaar", "Advies- en meldpunt huiselijk geweld en kindermishandeling."),
    ];

    private static readonly Dictionary<string, DemoService[]> PerWijk = new()
    {
        ["LR"] =
        [
            new("Buurtteam Jeugd en Gezin Leidsche Rijn", KindOfHelp.Buurtteam, "Ouders melden zich zelf aan; een professional kan met toestemming van ouders een warme overdracht doen.",
                null, null, "Ma t/m vr 8.30–17.00", "Ondersteuning bij opvoeden, opgroeien en problemen thuis."),
            new("Jeugdgezondheidszorg GGD, consultatiebureau Leidsche Rijn", KindOfHelp.Opvoedondersteuning, "Via de jeugdarts of jeugdverpleegkundige van het kind; ouders maken zelf een afspraak.",
                null, null, "Ma t/m do 8.30–16.30", "Groei, ontwikkeling en opvoedvragen van 0 tot 18 jaar."),
            new("Schuldhulp Utrecht", KindOfHelp.FinancieleHulp, "Aanmelden via het buurtteam of zelf via het loket van de gemeente.",
                null, null, "Inloop di 13.00–16.00", "Hulp bij geldzaken en schulden voor gezinnen."),
        ],
        ["OND"] =
        [
            new("Buurtteam Jeugd en Gezin Ondiep", KindOfHelp.Buurtteam, "Ouders melden zich zelf aan; een professional kan met toestemming van ouders een warme overdracht doen.",
                null, null, "Ma t/m vr 8.30–17.00", "Ondersteuning bij opvoeden, opgroeien en problemen thuis."),
            new("Basis-ggz jeugd in de huisartsenpraktijk", KindOfHelp.JeugdGgz, "Verwijzing door de huisarts; eerst een gesprek met de POH-GGZ jeugd.",
                null, null, "Op afspraak, ma t/m vr", "Kortdurende behandeling bij lichte psychische klachten."),
            new("Leerplicht gemeente Utrecht", KindOfHelp.OnderwijsLeerplicht, "De school meldt verzuim; bij zorgen overleg je eerst met de intern begeleider.",
                null, null, "Ma t/m vr 9.00–17.00", "Leerplicht en zorg bij schoolverzuim."),
        ],
        ["BIN"] =
        [
            new("Buurtteam Jeugd en Gezin Binnenstad", KindOfHelp.Buurtteam, "Ouders melden zich zelf aan; een professional kan met toestemming van ouders een warme overdracht doen.",
                null, null, "Ma t/m vr 8.30–17.00", "Ondersteuning bij opvoeden, opgroeien en problemen thuis."),
            new("Sportbuurtwerk Binnenstad", KindOfHelp.VrijeTijdSport, "Kinderen kunnen zo meedoen; voor een jeugdfonds-bijdrage verwijst het buurtteam.",
                null, null, "Wo en za middag", "Sport en spel in de wijk, ook voor kinderen die niet bij een club passen."),
            new("Jongerenwerk verslavingspreventie", KindOfHelp.Verslavingszorg, "Jongeren of ouders nemen zelf contact op; professionals kunnen consultatie vragen.",
                null, null, "Di en do 14.00–20.00", "Voorlichting en begeleiding bij middelengebruik van jongeren."),
        ],
    };

    public static IEnumerable<SocialMapService> For(Guid neighbourhoodId, string prefix, Guid by, DateTime nowUtc) =>
        Everywhere.Concat(PerWijk.GetValueOrDefault(prefix, [])).Select(s => new SocialMapService(
            Guid.NewGuid(), neighbourhoodId, s.Name, s.Kind, s.HowToRefer, s.Phone, s.Website, s.OpeningHours, s.Description, by, nowUtc));

    private sealed record DemoService(string Name, KindOfHelp Kind, string HowToRefer, string? Phone, string? Website, string? OpeningHours, string? Description);
}
