using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

public sealed class Name_address_and_institution_rules
{
    [Fact]
    public void Full_names_with_tussenvoegsels_are_one_span() =>
        Assert.Equal(["Anouk de Jong", "Eline van 't Hof"], Scan.Texts("Gesprek met Anouk de Jong en met Eline van 't Hof gehad.", Category.Person));

    [Fact]
    public void Unknown_capitalised_word_mid_sentence_is_a_name() =>
        Assert.Equal(["Xiomara Quispe"], Scan.Texts("Vandaag sprak ik Xiomara Quispe over school.", Category.Person));

    [Fact]
    public void Titles_and_initials()
    {
        Assert.Equal(["Bakker", "J. de Vries", "de vries"], Scan.Texts("Door dr. Bakker en J. de Vries; moeder (mw. de vries) belde.", Category.Person));
        Assert.Equal(["Petra"], Scan.Texts("Volgens juf Petra gaat het beter.", Category.Person));
    }

    [Fact]
    public void Written_out_titles_need_a_capitalised_name() =>
        Assert.Empty(Scan.Texts("De juf merkt dat ze gevoelig is; de meester dat hij stil is.", Category.Person));

    [Fact]
    public void Names_that_are_words_are_found_by_context_and_every_mention_follows()
    {
        var text = "Roos heeft weinig vrienden. Haar broer Storm (11) speelt buiten. Storm zegt dat Roos (13) vaak huilt. storm weet het.";

        var names = Scan.Texts(text, Category.Person);

        Assert.Equal(["Roos", "Storm", "Storm", "Roos", "storm"], names);
    }

    [Fact]
    public void Possessive_s_attached_is_inside_apostrophe_s_is_outside()
    {
        var text = "Noor (12) is bang. Noors moeder en Milou's vader praten met Milou.";

        Assert.Equal(["Noor", "Noors", "Milou", "Milou"], Scan.Texts(text, Category.Person));
    }

    [Fact]
    public void Lower_case_and_all_caps_names()
    {
        Assert.Contains("jakub", Scan.Texts("1 keer met moeder, 1 met jakub (op de gang).", Category.Person));
        Assert.Contains("ZEYNEP", Scan.Texts("Verslag over ZEYNEP en haar moeder.", Category.Person));
    }

    [Theory]
    [InlineData("Hij heeft het syndroom van Asperger en de ziekte van Crohn.")]
    [InlineData("Ze woont in Leidsche Rijn, eerder in Overvecht en Damascus.")]
    [InlineData("Sinds januari gebruikt hij Ritalin; de ADHD-vragenlijst is ingevuld.")]
    [InlineData("Verwijzing naar Altrecht of Lokalis, melding bij Veilig Thuis.")]
    [InlineData("Moeder spreekt Arabisch en Tigrinya; de Wmo-aanvraag loopt.")]
    public void Places_disorders_medicines_services_and_compounds_are_not_names(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Person));

    [Theory]
    [InlineData("wonend Amsterdamsestraatweg 212bis, 3551 CE Utrecht", "Amsterdamsestraatweg 212bis")]
    [InlineData("aan de Kanaalweg 42 A, 3533 HG", "Kanaalweg 42 A")]
    [InlineData("aan de Johannes Vermeerstraat 9, 3572 XT", "Johannes Vermeerstraat 9")]
    [InlineData("aan de Oudegracht 231-hs, 3511 NK", "Oudegracht 231-hs")]
    [InlineData("flat aan de Sweder van Zuylenweg 7.", "Sweder van Zuylenweg 7")]
    [InlineData("de zaak in de Kanaalstraat. Lana", "Kanaalstraat")]
    public void Street_names_with_house_numbers_and_articles_outside(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Address));

    [Fact]
    public void Ordinary_words_ending_in_weg_are_no_streets() =>
        Assert.Empty(Scan.Texts("Onderweg naar school liep ze halverwege weg.", Category.Address));

    [Theory]
    [InlineData("Zusje zit op basisschool De Regenboog.", "basisschool De Regenboog")]
    [InlineData("Broer zit op het Globe College.", "Globe College")]
    [InlineData("sinds een vechtpartij bij voetbalvereniging DHSC niet meer", "voetbalvereniging DHSC")]
    [InlineData("Casus POH-GGZ, Huisartsenpraktijk Terwijde", "Huisartsenpraktijk Terwijde")]
    [InlineData("Hij zit in groep 4 van de Sint-Maartenschool. De school", "Sint-Maartenschool")]
    [InlineData("grp 7 obs de watertoren, moeder", "obs de watertoren")]
    [InlineData("Vader heeft een garagebedrijf (Autobedrijf Doğan) en", "Autobedrijf Doğan")]
    [InlineData("de koranles bij de Selimiye-moskee.", "Selimiye-moskee")]
    public void Named_schools_practices_clubs_and_businesses(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Institution));

    [Fact]
    public void Generic_services_are_not_institutions() =>
        Assert.Empty(Scan.Of("De huisarts, het buurtteam, de POH-GGZ, de JGZ, de school en het UMC overleggen; ook de GGZ en de gemeente."));
}
