namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>Words that introduce a patient, dossier, case, student or registration number.</summary>
internal static class IdLabels
{
    public static readonly string[] Labels =
    [
        "patiëntnummer", "patientnummer", "patiënt-nummer", "dossiernummer", "dossier", "zaaknummer", "registratienummer",
        "studentnummer", "leerlingnummer", "cliëntnummer", "clientnummer", "his-nummer", "v-nummer", "onder nummer",
        "kenmerk", "referentienummer", "polisnummer", "klantnummer", "lidnummer", "relatienummer", "vreemdelingennummer",
        "ovj-nummer", "pv-nummer", "nummer", "his-nr", "his nr", "hisnummer", "his nummer", "agb-code", "agb code", "agb", "clientnr",
        "cliëntnr", "patiëntnr", "patientnr", "pat.nr", "patnr", "leerlingnr", "leerling-id", "leerlingid", "leerling id", "dossiernr",
        "zaaknr", "registratienr", "onderwijsnummer", "studentnr", "ref",
    ];

    /// <summary>True when the text just before a number ends in an ID label (with ':', '(', '|' or '#' between).</summary>
    public static bool EndsWithIdLabel(string lowerBefore)
    {
        var trimmed = lowerBefore.TrimEnd(' ', ':', '(', '|', '#', '\t', '*', '.');
        return Labels.Any(label => trimmed.EndsWith(label, StringComparison.Ordinal));
    }
}
