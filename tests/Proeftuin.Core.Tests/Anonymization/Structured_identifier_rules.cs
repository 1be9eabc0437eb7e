using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

public sealed class Structured_identifier_rules
{
    [Theory]
    [InlineData("BSN 111222333.", "111222333")]
    [InlineData("bsn: 1112.22.333 bekend", "1112.22.333")]
    [InlineData("BSN 11 12 22 333, adres", "11 12 22 333")]
    public void Bsn_passing_the_eleven_test_is_flagged_in_any_notation(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Bsn));

    [Fact]
    public void Bsn_failing_the_eleven_test_is_not_flagged() =>
        Assert.Empty(Scan.Texts("BSN 123456789 klopt niet", Category.Bsn));

    [Fact]
    public void Nine_digits_after_a_student_number_label_are_an_id() =>
        Assert.Equal(["111222333"], Scan.Texts("leerlingnummer 111222333, 4 havo", Category.Id));

    [Theory]
    [InlineData("bel 06-12345678 na vijven", "06-12345678")]
    [InlineData("op 06 1234 5678.", "06 1234 5678")]
    [InlineData("tel 030-2447319; vader", "030-2447319")]
    [InlineData("via +31 6 18402276, moeder", "+31 6 18402276")]
    [InlineData("moeder (0031 30 296 6142)", "0031 30 296 6142")]
    [InlineData("nummer 030 234 5678.", "030 234 5678")]
    [InlineData("Pools nummer +48 512 384 920", "+48 512 384 920")]
    [InlineData("praktijk (030) 123 45 67", "(030) 123 45 67")]
    public void Dutch_and_international_phone_numbers(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Phone));

    [Theory]
    [InlineData("geboren 14-02-2011 in Utrecht")]
    [InlineData("om 13.30 uur")]
    [InlineData("score 1234567 op de test")]
    public void Dates_times_and_other_numbers_are_no_phone_numbers(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Phone));

    [Theory]
    [InlineData("woont 3553 HK Utrecht", "3553 HK")]
    [InlineData("adres Nicolaasweg 87, 3581vm.", "3581vm")]
    [InlineData("postcode 3562AZ", "3562AZ")]
    public void Postcodes_with_and_without_space(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Postcode));

    [Theory]
    [InlineData("Sertraline 1000 mg per dag")]
    [InlineData("sinds 2024 en daarvoor")]
    [InlineData("1200 ml water")]
    public void Doses_and_years_are_no_postcodes(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Postcode));

    [Theory]
    [InlineData("rekening NL35 RABO 4852 5388 85. Dit", "NL35 RABO 4852 5388 85")]
    [InlineData("op NL79INGB3933633875, maar", "NL79INGB3933633875")]
    public void Iban_passing_mod97_is_flagged(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Iban));

    [Fact]
    public void Iban_failing_mod97_is_not_flagged() =>
        Assert.Empty(Scan.Texts("rekening NL35 RABO 4852 5388 86", Category.Iban));

    [Theory]
    [InlineData("mail r.devries74@hotmail.com graag", "r.devries74@hotmail.com")]
    [InlineData("(ruud@vermeulen-installatie.nl)", "ruud@vermeulen-installatie.nl")]
    public void Email_addresses(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Email));

    [Theory]
    [InlineData("zie instagram.com/sanne_2009 – veel", "instagram.com/sanne_2009")]
    [InlineData("haar tiktok (@defne.k_09).", "@defne.k_09")]
    [InlineData("kanaal youtube.com/@kerem_plays_030)", "youtube.com/@kerem_plays_030")]
    [InlineData("link https://example.org/profiel/123.", "https://example.org/profiel/123")]
    public void Personal_urls_and_handles(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Url));

    [Theory]
    [InlineData("In het JGZ-dossier (JGZ-2015-0042) staat", "JGZ-2015-0042")]
    [InlineData("patiëntnummer 4471-223. Bekend", "4471-223")]
    [InlineData("zaaknummer SV-22-11903)", "SV-22-11903")]
    [InlineData("dossiernummer ALT-0098134, maar", "ALT-0098134")]
    [InlineData("V-nummer 2917345512.", "2917345512")]
    public void Dossier_patient_and_case_numbers(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Id));

    [Fact]
    public void Proeftuins_own_case_codes_are_not_identifying() =>
        Assert.Empty(Scan.Of("Casus OND-2026-007 wordt besproken."));
}
