using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

/// <summary>
/// The failure classes seen on texts the detector had never seen (issue 15), each with our own examples: what must be
/// found, and the look-alikes that must not be.
/// </summary>
public sealed class Failure_classes_of_unseen_text
{
    [Fact]
    public void Lower_case_names_in_a_chat_note_are_found()
    {
        var text = "app van moeder. ze zegt dat kwabena weer niet wil slapen. vriendin ilse-marit komt vaak langs. ivm ziekte geen school.";

        Assert.Equal(["kwabena", "ilse-marit"], Scan.Texts(text, Category.Person));
    }

    [Fact]
    public void Ordinary_lower_case_words_in_a_chat_note_are_no_names()
    {
        var text = "gesprek met moeder. pt is klein voor zijn leeftijd, winter was zwaar. lot geloot voor de middelbare school. ivm ziekte afgezegd.";

        Assert.Empty(Scan.Texts(text, Category.Person));
    }

    [Theory]
    [InlineData("Gisteren gesproken. Thandiwe vertelt dat het beter gaat.", "Thandiwe")]
    [InlineData("Volgens juf Oyelaran gaat het beter.", "Oyelaran")]
    [InlineData("Haar trainster Wioletta ziet haar elke week.", "Wioletta")]
    [InlineData("notulist: Gerbrich\nverder aanwezig de huisarts.", "Gerbrich")]
    [InlineData("IB: Roelinde Tammeling (school)", "Roelinde Tammeling")]
    [InlineData("Beste Marijtje,\n\nhierbij het verslag.", "Marijtje")]
    public void Names_at_a_sentence_start_or_after_a_role_word_are_found(string text, string name) =>
        Assert.Contains(name, Scan.Texts(text, Category.Person));

    [Theory]
    [InlineData("Vaste contactpersoon voor het gezin xfd8cf4")]
    [InlineData("app van moeder. kenmerk ab12cd, code x9y.")]
    public void Letters_glued_to_digits_are_a_code_not_a_name(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Person));

    [Theory]
    [InlineData("Winter was het rustig. Lente bracht nieuwe zorgen.")]
    [InlineData("Klein van stuk, maar sterk. Herfst is een moeilijke tijd.")]
    [InlineData("De juf zegt dat hij stil is; de trainster ziet het ook.")]
    public void Seasons_and_ordinary_words_at_a_sentence_start_are_no_names(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Person));

    [Fact]
    public void His_printout_in_capitals_with_surname_first_and_initials()
    {
        var text = "PATIENT: OKONKWO, CHIDERA (M)   GEB: 12-03-2014\nHUISARTS: J. ROEST\nE CONSULT: MOEDER (ADAEZE) MELDT DAT CHIDERA SLECHT SLAAPT.\nP VERWIJZING POH-GGZ. CONTROLE OVER TWEE WEKEN.";

        var names = Scan.Texts(text, Category.Person);

        Assert.Equal(["OKONKWO", "CHIDERA", "J. ROEST", "ADAEZE", "CHIDERA"], names);
    }

    [Fact]
    public void Words_and_labels_of_a_his_printout_are_no_names()
    {
        var text = "S: MOEDER MELDT DAT ZOON SLECHT SLAAPT EN NIET NAAR SCHOOL GAAT.\nO: GEEN KOORTS. FAM: ZIEKTE VAN HUNTINGTON.\nP: VERWIJZING POH-GGZ, TEL CONTACT OVER TWEE WEKEN.";

        Assert.DoesNotContain(Scan.Of(text), f => f.Category is Category.Person or Category.Institution);
    }

    [Theory]
    [InlineData("Op school zit ook Wang Xiaoming (9), zijn beste vriend.", "Wang Xiaoming")]
    [InlineData("Vader Habibullah Ahmadzai spreekt alleen Dari.", "Habibullah Ahmadzai")]
    [InlineData("Moeder Sunita Ramdin-Baldewsingh belde.", "Sunita Ramdin-Baldewsingh")]
    [InlineData("Oom Kwame Asante-Mensah woont in de buurt.", "Kwame Asante-Mensah")]
    [InlineData("Vriend João Ferreira da Silva is verhuisd.", "João Ferreira")]
    [InlineData("De nieuwe buurman Grzegorz Wiśniewski helpt.", "Grzegorz Wiśniewski")]
    [InlineData("His mother Abena says Kofi sleeps badly.", "Kofi")]
    public void Names_of_many_origins_are_found(string text, string name) =>
        Assert.Contains(Scan.Texts(text, Category.Person), found => found.StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void English_words_in_an_english_note_are_no_names()
    {
        var text = "Note for the interpreter: the boy was seen on Monday. His Mother says The Last of Us is his favourite game. In Spring they move.";

        Assert.Empty(Scan.Texts(text, Category.Person));
    }

    [Theory]
    [InlineData("Gezien op 03-12 en op 28/10.", new[] { "03-12", "28/10" })]
    [InlineData("Afwezig 7-10 t/m 11-10, ziek op 17-2.", new[] { "7-10", "11-10", "17-2" })]
    [InlineData("Zij is geboren op de 8e van februari 2012.", new[] { "8e van februari 2012" })]
    [InlineData("Afspraak rond de 4e van mei.", new[] { "4e van mei" })]
    [InlineData("Seen on 19 May 2021 and again on July 4.", new[] { "19 May 2021", "July 4" })]
    [InlineData("10/5: gesprek met moeder.", new[] { "10/5" })]
    public void Dates_without_a_year_or_spelled_out_are_found(string text, string[] dates) =>
        Assert.Equal(dates, Scan.Texts(text, Category.Date));

    [Theory]
    [InlineData("Eerst 2-3 gesprekken, dan evalueren.")]
    [InlineData("Ze cijfert zichzelf een 6/10 en scoort 3/5 op de lijst.")]
    [InlineData("Hij gebruikt 1/2 tablet per dag.")]
    [InlineData("Woont aan de Kanaalstraat 14-2.")]
    public void Ranges_scores_fractions_and_house_numbers_are_no_dates(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Date));

    [Theory]
    [InlineData("BSN 1299 00 400 bekend.", "1299 00 400")]
    [InlineData("bsn: 1299.00.400", "1299.00.400")]
    public void Bsn_in_other_groupings_is_found(string text, string bsn) =>
        Assert.Equal([bsn], Scan.Texts(text, Category.Bsn));

    [Fact]
    public void A_grouped_number_that_fails_the_11_test_is_no_bsn() =>
        Assert.Empty(Scan.Texts("Ordernummer 1299 00 401 verstuurd.", Category.Bsn));

    [Theory]
    [InlineData("Terugbellen op nul zes, twee acht, vijfenveertig, drie nul, twaalf.", "nul zes, twee acht, vijfenveertig, drie nul, twaalf")]
    [InlineData("Nummer: nul drie nul - twee drie vier - vijf zes - zeven acht.", "nul drie nul - twee drie vier - vijf zes - zeven acht")]
    public void Phone_numbers_spoken_as_words_are_found(string text, string phone) =>
        Assert.Equal([phone], Scan.Texts(text, Category.Phone));

    [Fact]
    public void A_few_number_words_are_no_phone_number() =>
        Assert.Empty(Scan.Texts("Ze heeft nul zin, twee broers en drie zussen.", Category.Phone));

    [Theory]
    [InlineData("Ze zit op Insta (lisa.x) en deelt veel.", "lisa.x")]
    [InlineData("Contact via Snapchat (x030) gaat 's nachts door.", "x030")]
    [InlineData("Hij gamet met Discord naam#0420 tot laat.", "naam#0420")]
    [InlineData("snap: milo_2011 stuurt berichten", "milo_2011")]
    public void Social_handles_without_a_link_are_found(string text, string handle) =>
        Assert.Equal([handle], Scan.Texts(text, Category.Url));

    [Theory]
    [InlineData("Ze zit veel op Insta en TikTok.")]
    [InlineData("Op Snapchat (soms) en Discord.")]
    [InlineData("Sectie #1234 van het protocol.")]
    public void Platform_names_alone_are_no_handles(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Url));

    [Theory]
    [InlineData("Patiëntnummer 44718 bij de praktijk.", "44718")]
    [InlineData("HIS-nr. 2039417, zie dossier.", "2039417")]
    [InlineData("Dossiernummer UT-JGZ-2019-0412 is aangemaakt.", "UT-JGZ-2019-0412")]
    [InlineData("AGB-code 01-012345 van de praktijk.", "01-012345")]
    [InlineData("Leerlingnummer 2014567 staat op de lijst.", "2014567")]
    public void File_numbers_by_label_are_found(string text, string id) =>
        Assert.Equal([id], Scan.Texts(text, Category.Id));

    [Fact]
    public void Proeftuins_own_case_codes_and_years_are_no_file_numbers() =>
        Assert.Empty(Scan.Texts("Casus OND-2026-007 besproken in 2025, groep 7.", Category.Id));

    [Theory]
    [InlineData("Hij zit op SBO De Sterrenwacht.", "SBO De Sterrenwacht")]
    [InlineData("Zusje gaat naar CBS Het Kompas.", "CBS Het Kompas")]
    [InlineData("LEERLING VAN OBS DE KLIMOP", "OBS DE KLIMOP")]
    public void Schools_by_type_prefix_are_found(string text, string school) =>
        Assert.Equal([school], Scan.Texts(text, Category.Institution));

    [Fact]
    public void A_school_type_word_before_an_ordinary_word_is_no_institution() =>
        Assert.Empty(Scan.Texts("MOEDER ZEGT DAT HIJ NIET NAAR SCHOOL GAAT.", Category.Institution));

    [Fact]
    public void A_street_corner_is_one_address() =>
        Assert.Equal(["Kanaalstraat/Damstraat"], Scan.Texts("Ze woont op de hoek Kanaalstraat/Damstraat.", Category.Address));

    [Theory]
    [InlineData("Hij leest De Hobbit en kijkt Het Klokhuis en Oogappels.")]
    [InlineData("Ze speelt The Last of Us en Minecraft.")]
    [InlineData("De familie komt uit Birmingham, daarvoor uit Kharkiv.")]
    [InlineData("Moeder spreekt Twi en Portugees; vader is Ghanees.")]
    [InlineData("Opa heeft de ziekte van Huntington, oom de ziekte van Bechterew.")]
    [InlineData("Apgar 9/10, het Van Wiechenonderzoek was normaal.")]
    public void Titles_places_languages_and_eponyms_are_no_names(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Person));

    [Fact]
    public void Every_finding_says_why()
    {
        var text = "Volgens juf Oyelaran belde moeder op 06-12345678.";

        var findings = AnonymizationDetector.Default.Scan(text);

        var name = Assert.Single(findings, f => f.Category == Category.Person);
        Assert.Equal("person.title", name.ReasonCode);
        Assert.Contains("titel", name.Reason, StringComparison.Ordinal);
        var phone = Assert.Single(findings, f => f.Category == Category.Phone);
        Assert.Equal("telefoonnummer", phone.Reason);
        Assert.Equal("a telephone number", FindingReasons.English(phone.ReasonCode));
    }
}
