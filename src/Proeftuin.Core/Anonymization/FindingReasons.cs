namespace Proeftuin.Core.Anonymization;

/// <summary>
/// The short reason a finding carries, so the live warning can say why ("naam: staat na een titel"). Keyed by a stable
/// code (<see cref="Finding.ReasonCode"/>); Dutch is the default, English for the English UI.
/// </summary>
public static class FindingReasons
{
    private static readonly Dictionary<string, (string Dutch, string English)> Texts = new(StringComparer.Ordinal)
    {
        ["person.guarded"] = ("naam die in deze casus bewaakt wordt", "a name guarded in this case"),
        ["person.title"] = ("naam na een titel of aanspreekvorm (mw., dhr., juf, meester, trainster)", "a name after a title (Mrs, Mr, teacher, coach)"),
        ["person.context"] = ("naam na een rol, label of aanhef, of met een leeftijd tussen haakjes", "a name after a role, label or greeting, or with an age in brackets"),
        ["person.speech-verb"] = ("naam voor een werkwoord als 'zegt' of 'vertelt'", "a name before a verb such as 'says' or 'tells'"),
        ["person.name-list"] = ("staat in de namenlijst", "in the list of names"),
        ["person.unknown-capitalised"] = ("woord met hoofdletter dat geen Nederlands woord is", "a capitalised word that is no Dutch word"),
        ["person.unknown-lower-case"] = ("woord in kleine letters dat in geen woordenboek staat", "a lower-case word that is in no dictionary"),
        ["person.unknown-capitals"] = ("woord in hoofdletters dat in geen woordenboek staat", "a word in capitals that is in no dictionary"),
        ["person.initials"] = ("achternaam na voorletters", "a surname after initials"),
        ["person.full-name"] = ("deel van een volledige naam", "part of a full name"),
        ["person.model"] = ("het scoremodel voor namen schat dit woord als naam in", "the name scoring model rates this word as a name"),
        ["person.mentioned-before"] = ("eerder in de tekst als naam herkend", "recognised as a name elsewhere in the text"),
        ["bsn-11proef"] = ("BSN: negen cijfers die de elfproef doorstaan", "citizen service number: nine digits that pass the 11-test"),
        ["date-nl"] = ("datum", "a date"),
        ["phone-nl"] = ("telefoonnummer", "a telephone number"),
        ["phone-spoken"] = ("telefoonnummer in woorden", "a telephone number spelled out"),
        ["email"] = ("e-mailadres", "an e-mail address"),
        ["url"] = ("persoonlijke link of account", "a personal link or account"),
        ["handle"] = ("account op sociale media", "a social-media account"),
        ["iban-mod97"] = ("bankrekeningnummer (IBAN)", "a bank account number (IBAN)"),
        ["postcode"] = ("postcode", "a postcode"),
        ["id-number"] = ("patiënt-, dossier- of leerlingnummer", "a patient, file or student number"),
        ["institution-type"] = ("naam van een school, praktijk, club of bedrijf", "the name of a school, practice, club or business"),
        ["institution-name"] = ("naam van een school of instelling", "the name of a school or institution"),
        ["institution-compound"] = ("naam van een school, kerk of moskee", "the name of a school, church or mosque"),
        ["street-suffix"] = ("straatnaam", "a street name"),
        ["street-lexicon"] = ("straatnaam", "a street name"),
        ["street-corner"] = ("straathoek als adres", "a street corner as an address"),
    };

    /// <summary>The reason in Dutch, or a general one for a code without its own text.</summary>
    public static string Dutch(string code) => Texts.TryGetValue(code, out var text) ? text.Dutch : "mogelijk herleidbaar";

    public static string English(string code) => Texts.TryGetValue(code, out var text) ? text.English : "possibly identifying";
}
