using Proeftuin.Core.Cases;

namespace Proeftuin.Data.Seeding;

/// <summary>
/// Nine anonymised demo cases, three per wijk, written in the Utrecht template. They contain no names, dates,
/// addresses or numbers: the anonymisation guard has nothing to find in them.
/// </summary>
internal static class DemoCases
{
    public static IReadOnlyList<DemoCase> All { get; } =
    [
        new("LR", "Meisje met buikpijn en schoolverzuim", AgeBand.Child, ["somatische klachten", "schoolverzuim", "angst"],
            "Moeder meldt zich bij de huisarts met een meisje van tien dat al maanden buikpijn heeft en daardoor vaak thuisblijft van school. Het meisje wil vooral weer met plezier naar school.",
            "Hoe voorkomen we dat de klachten verder medicaliseren, en wie neemt de regie in de begeleiding?",
            "Lichamelijk onderzoek door huisarts en kinderarts zonder afwijkingen. Verzuim ruim twintig procent dit schooljaar. Vader werkt in ploegendienst; een jonger broertje heeft veel zorg nodig. Eerder twee gesprekken met de POH-GGZ.",
            "Het meisje tekent graag en heeft een hechte vriendin in de klas. Moeder is betrokken en wil meewerken; oma helpt twee middagen per week.",
            "Moeder is overbelast door de zorg voor het broertje. Er zijn zorgen over schulden sinds vader minder uren werkt.",
            "De buikpijn neemt toe op maandagen en na vakanties. Spanning thuis en angst om moeder alleen te laten lijken samen te hangen met de klachten.",
            "Huisarts: geen verdere somatische diagnostiek. POH-GGZ: psycho-educatie over spanning en buikpijn. Jeugdarts: contact met school over een opbouwschema. Gezinswerker: steun voor moeder en verwijzing naar schuldhulp.",
            "Eén regiehouder (gezinswerker), gezamenlijk gesprek met school, geen nieuwe verwijzing naar de kinderarts."),
        new("LR", "Jongen met boosheidsbuien na verhuizing", AgeBand.Child, ["gedrag", "gezinssituatie"],
            "Ouders melden zich via de jeugdarts met een jongen van acht die sinds de verhuizing naar de wijk veel woedeaanvallen heeft, thuis en op school.",
            "Is dit passend bij de ingrijpende veranderingen, of is verdere diagnostiek nodig?",
            "Verhuisd vanwege werk van moeder. Nieuwe school, nog weinig vriendjes. Slaapt slecht. De leerkracht ziet vooral onrust na het speelkwartier.",
            "De jongen voetbalt graag en is gemotiveerd om bij een club te gaan. Ouders zijn eensgezind in hun aanpak.",
            "Vader heeft zelf een verleden met depressieve klachten en staat nu onder druk door een reorganisatie op zijn werk.",
            "De buien lijken samen te hangen met het verlies van vertrouwde omgeving en met de spanning van vader.",
            "Jeugdarts: groei en ontwikkeling normaal. Gezinswerker: opvoedondersteuning thuis. POH-GGZ: gesprek met vader over eigen klachten.",
            "Eerst normaliseren en ondersteunen in het gewone leven; diagnostiek alleen als de klachten na drie maanden niet afnemen."),
        new("LR", "Jongere met somberheid en terugtrekken", AgeBand.Adolescent, ["somberheid", "sociale media"],
            "Een jongen van vijftien komt met zijn moeder bij de POH-GGZ. Hij trekt zich terug op zijn kamer en zegt dat niets meer leuk is.",
            "Hoe schatten we de ernst in, en wat kan de wijk bieden voordat een verwijzing nodig is?",
            "Cijfers dalen sinds enkele maanden. Speelt tot laat in de nacht online spellen. Geen middelengebruik bekend. Geen suïcidale gedachten bij navraag.",
            "Hij is handig met computers en heeft online vrienden met wie hij wel praat. Een oom is een belangrijk voorbeeld voor hem.",
            "Ouders zijn gescheiden en hebben veel conflicten over de omgang.",
            "De somberheid lijkt samen te hangen met de loyaliteitsconflicten tussen ouders en met slaaptekort.",
            "POH-GGZ: monitoren met vragenlijst. Huisarts: beoordeling bij verslechtering. Gezinswerker: ouders begeleiden in gezamenlijk ouderschap.",
            "Eerst slaap en dagritme, gesprek met beide ouders, afspraak voor herbeoordeling over zes weken."),
        new("OND", "Peuter met slaapproblemen en huilen", AgeBand.Infant, ["slaap", "ouderschap"],
            "Ouders van een peuter van twee komen bij het consultatiebureau omdat hun kind elke nacht meerdere keren wakker wordt en lang huilt.",
            "Welke ondersteuning past bij deze ouders, die uitgeput zijn?",
            "Groei en ontwikkeling zijn leeftijdsadequaat. Ouders werken allebei. Het kind gaat drie dagen naar de opvang, waar het goed slaapt.",
            "Ouders zijn leergierig en hebben een groot netwerk van familie in de buurt.",
            "Moeder had na de bevalling somberheidsklachten die niet behandeld zijn.",
            "De uitputting van ouders maakt het lastig om consequent te zijn in het slaapritueel; het kind reageert op hun spanning.",
            "Jeugdarts: slaapadvies en uitleg. POH-GGZ: gesprek met moeder over eigen klachten. Gezinswerker: praktische ondersteuning thuis.",
            "Slaapadvies met vervolgcontact na vier weken, en aandacht voor de klachten van moeder."),
        new("OND", "Meisje met angst om naar school te gaan", AgeBand.Child, ["angst", "schoolverzuim", "taal"],
            "Een meisje van negen weigert sinds de herfstvakantie naar school te gaan. Ouders spreken beperkt Nederlands; een tolk is nodig.",
            "Hoe zorgen we dat ouders de uitleg goed begrijpen en dat school en zorg samen optrekken?",
            "Het meisje heeft hoofdpijn en misselijkheid op schooldagen. Op vrije dagen geen klachten. Ouders zijn twee jaar geleden naar Nederland gekomen.",
            "Het meisje spreekt het beste Nederlands van het gezin en helpt haar ouders vaak. Ze is dol op haar juf.",
            "Het gezin woont krap en er is onzekerheid over de verblijfsstatus van een familielid.",
            "Het meisje draagt veel verantwoordelijkheid thuis; spanning over familie en de tolkrol lijken de angst te voeden.",
            "Huisarts: geen lichamelijke oorzaak. Jeugdarts: overleg met de leerplichtambtenaar over zorgverzuim. Gezinswerker: ondersteuning van ouders met tolk.",
            "Gesprek met tolk, geleidelijke terugkeer naar school met de juf als vast aanspreekpunt."),
        new("OND", "Jongere met middelengebruik en ruzie thuis", AgeBand.Adolescent, ["middelengebruik", "gezinssituatie"],
            "Een jongen van zestien wordt door de school aangemeld bij de jeugdarts vanwege blowen en verzuim.",
            "Wie kan het vertrouwen van deze jongere winnen, en wat is nodig voor de ouders?",
            "Blowt dagelijks volgens eigen zeggen. Verzuim ruim dertig procent. Twee keer weggelopen na ruzie thuis.",
            "Hij heeft een bijbaan waar hij trouw komt en waar hij gewaardeerd wordt.",
            "Moeder is alleenstaand met vier kinderen; de oudste zus heeft ook zorg nodig.",
            "Het gebruik lijkt een manier om met spanning thuis om te gaan; de ruzies gaan vaak over het gebruik.",
            "Jeugdarts: motiverende gespreksvoering. Gezinswerker: steun aan moeder. POH-GGZ: screening op angst en somberheid.",
            "Eén vertrouwenspersoon voor de jongere, gezinsgesprek, afspraken met school over een aangepast rooster."),
        new("BIN", "Kind met concentratieproblemen in de klas", AgeBand.Child, ["concentratie", "school"],
            "Leerkracht en ouders maken zich zorgen over een jongen van zeven die moeilijk stil kan zitten en achterloopt met lezen.",
            "Is onderzoek naar ADHD aangewezen, of eerst aanpassingen in klas en thuis?",
            "Onrustig in de klas, thuis rustiger. Slaapt laat door schermgebruik. Gehoor en zicht eerder getest zonder afwijkingen.",
            "De jongen is creatief en sociaal, en doet graag mee met bouwprojecten.",
            "Ouders hebben financiële zorgen en werken onregelmatig.",
            "Slaaptekort en onregelmatig dagritme kunnen de onrust verklaren; de leesachterstand vergroot de frustratie.",
            "Jeugdarts: slaap en dagritme bespreken. Huisarts: geen medicatie nu. Gezinswerker: ondersteuning bij structuur thuis.",
            "Eerst slaap en structuur verbeteren en leesondersteuning op school; evaluatie na drie maanden."),
        new("BIN", "Jongere met eetproblemen en perfectionisme", AgeBand.Adolescent, ["eetproblemen", "perfectionisme"],
            "Een meisje van veertien valt af en eet volgens haar ouders steeds minder. Zij komt met haar vader bij de huisarts.",
            "Wanneer is specialistische zorg nodig, en wat kan in de basiszorg?",
            "Gewichtsverlies van enkele kilo's in korte tijd. Sport dagelijks. Hoge cijfers, maar veel stress voor toetsen.",
            "Ze heeft een goede band met haar vader en een trainer die ze vertrouwt.",
            "Moeder is langdurig ziek; het meisje neemt veel taken in huis over.",
            "Controle over eten en prestaties lijkt een manier om met de onzekerheid over moeder om te gaan.",
            "Huisarts: lichamelijke controle en grenzen voor verwijzing. POH-GGZ: gesprekken over perfectionisme. Jeugdarts: overleg met school over belasting.",
            "Wekelijkse weging bij de huisarts, gesprekken bij de POH-GGZ, duidelijke afspraak wanneer verwezen wordt."),
        new("BIN", "Jongvolwassene met paniekklachten", AgeBand.YoungAdult, ["angst", "overgang 18-min naar 18-plus"],
            "Een jongvolwassene van negentien krijgt paniekaanvallen sinds de start van een vervolgopleiding.",
            "Hoe borgen we de overgang van jeugdhulp naar volwassenenzorg zonder breuk in de begeleiding?",
            "Eerder behandeld voor angst in de jeugd-GGZ. Die behandeling stopte bij het achttiende jaar. Woont nog thuis.",
            "Zij is gemotiveerd en heeft een steunende studieloopbaanbegeleider.",
            "Een broer is langdurig werkloos; de sfeer thuis is gespannen.",
            "De overgang naar zelfstandigheid en het wegvallen van vertrouwde hulp lijken de klachten uit te lokken.",
            "Huisarts: medicatie niet nodig. POH-GGZ: kortdurende begeleiding. Gezinswerker: aandacht voor de gezinssituatie.",
            "Warme overdracht tussen jeugd- en volwassenenzorg, begeleiding door de POH-GGZ in de tussentijd."),
    ];

    /// <summary>The case text in the template of <see cref="CaseTemplate"/>, filled in.</summary>
    public static string Markdown(DemoCase demo)
    {
        var sections = new[]
        {
            demo.Registration, demo.Question, demo.Facts, demo.Possibilities, demo.OtherProblems, demo.Coherence,
            demo.Perspectives, demo.Conclusions,
        };
        var builder = new System.Text.StringBuilder();
        builder.Append("# ").Append(demo.Title).Append("\n\n");
        for (var i = 0; i < sections.Length; i++)
        {
            builder.Append("## ").Append(CaseTemplate.SectionHeadings[i]).Append("\n\n").Append(sections[i]).Append("\n\n");
        }

        return builder.ToString();
    }
}

internal sealed record DemoCase(
    string Neighbourhood,
    string Title,
    AgeBand AgeBand,
    IReadOnlyList<string> Themes,
    string Registration,
    string Question,
    string Facts,
    string Possibilities,
    string OtherProblems,
    string Coherence,
    string Perspectives,
    string Conclusions);
