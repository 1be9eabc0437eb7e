#!/usr/bin/env python3
# Writes the synthetic anonymisation corpus: tests/data/anonymization/synthetic-train.jsonl and synthetic-eval.jsonl,
# in the dev corpus's format (tests/data/anonymization/README.md). Deterministic: the same seed gives the same files.
# Eight styles of text (formal Utrecht-template case, lower-case app/chat notes, ALL-CAPS HIS printout, e-mail, school
# attendance report, telephone note with spoken numbers, English-language note, meeting notes). The training half draws
# names from the shipped lexicons and from the training-only pool; the evaluation half only from the evaluation-only
# pool (tests/data/anonymization/names/, written by scripts/build-lexicons.py), so its score measures generalisation.
#   python3 scripts/generate-anonymization-corpus.py [--seed 20261202] [--count 600]
import argparse, json, os, random, re, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "src/Proeftuin.Core/Anonymization/Lexicons")
DATA = os.path.join(ROOT, "tests/data/anonymization")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DIGITS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
TENS = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig", 7: "zeventig", 8: "tachtig", 9: "negentig"}
TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
PARTICLES = ["van", "de", "van der", "van den", "van de", "ter", "van 't", "den", "el", "ten"]
PINYIN = ["wei", "ming", "xiao", "li", "jia", "yi", "hao", "yu", "zi", "han", "chen", "xin", "yun", "lan", "jun", "tian", "rui", "hui", "lin", "qing", "shu", "feng", "mei", "bo", "kai", "yan", "zhen", "xuan", "ning", "an"]
CHINESE_FAMILY = ["Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng"]
AFGHAN_FIRST = ["Farhad", "Wahid", "Zarmina", "Mursal", "Nilofar", "Habibullah", "Sayed", "Sediqa", "Mahbooba", "Rahmatullah", "Fereshta", "Ajmal", "Najibullah", "Shukria", "Zabihullah", "Marzia", "Hasibullah", "Zuhal", "Shogofa", "Wasima"]
AFGHAN_LAST = ["Ahmadzai", "Popal", "Karimi", "Stanikzai", "Sultani", "Hakimi", "Noorzai", "Rahimi", "Wardak", "Safi", "Amiri", "Mohammadi", "Yousufzai", "Barakzai", "Durrani", "Nazari", "Samadi", "Hashimi", "Rasuli", "Jalali"]
STREET_ENDS = ["straat", "laan", "weg", "plein", "singel", "kade", "gracht", "dreef", "steeg", "dijk"]
STREET_STEMS = ["Kanaal", "Dam", "Ooster", "Wester", "Bloemen", "Vogel", "Vlinder", "Merel", "Lijster", "Eiken", "Beuken", "Linden", "Kastanje", "Zonne", "Maan", "Ster", "Molen", "Kerk", "School", "Haven", "Sluis", "Brug", "Tuin", "Veld", "Akker", "Weide", "Hout", "Zand", "Klei", "Rozen", "Tulpen", "Lelie", "Iris", "Distel", "Hazel", "Berken", "Wilgen", "Populier", "Esdoorn", "Vlier", "Hyacint", "Narcis", "Anjer", "Goudsbloem", "Zwaluw", "Reiger", "Kievit", "Specht", "Havik", "Valk"]
SCHOOL_NAMES = ["De Regenboog", "Het Kompas", "De Wegwijzer", "De Klimop", "De Sterrenwacht", "Het Palet", "De Vlinderboom", "De Zonnewijzer", "Het Mozaïek", "De Toermalijn", "De Kameleon", "Het Anker", "De Horizon", "De Notenkraker", "De Windroos", "De Boomgaard", "Het Baken", "De Springplank", "De Fontein", "Het Tij"]
SCHOOL_TYPES = ["SBO", "CBS", "OBS", "PCBS", "RKBS", "IKC", "basisschool", "SO"]
CLUBS = ["voetbalvereniging DHSC", "voetbalvereniging Hercules", "hockeyclub Kampong", "zwemvereniging De Dolfijn", "judoclub Sakura", "turnvereniging Olympia", "korfbalvereniging Fiducia", "scouting Jan van Hoof"]
COLLEGES = ["Globe College", "Maliebaan Lyceum", "Stedelijk Gymnasium", "Amadeus Lyceum", "Niftarlake College", "Trajectum College", "Cals College", "Leidsche Rijn College", "Christelijk Gymnasium", "Kranenburg College"]
TITLES_NEG = ["De Hobbit", "Het Klokhuis", "Oogappels", "The Last of Us", "Minecraft", "Fortnite", "Harry Potter", "Dagboek van een Loser", "Stranger Things", "Brawl Stars", "Goede Tijden, Slechte Tijden", "Squid Game", "Roblox", "Pokémon"]
PLACES_NEG = ["Birmingham", "Kharkiv", "Kabul", "Accra", "Paramaribo", "Wenzhou", "Krakau", "Istanbul", "Nador", "Asmara", "São Paulo", "Lagos", "Aleppo", "Manchester", "Lviv", "Herat"]
LANGS_NEG = ["Pools", "Arabisch", "Tigrinya", "Dari", "Engels", "Turks", "Sranantongo", "Mandarijn", "Twi", "Portugees", "Oekraïens", "Somalisch"]
NATS_NEG = ["Poolse", "Ghanese", "Braziliaanse", "Afghaanse", "Surinaamse", "Eritrese", "Chinese", "Syrische", "Oekraïense", "Marokkaanse", "Turkse", "Engelse"]
EPONYMS_NEG = ["de ziekte van Huntington", "de ziekte van Bechterew", "een Apgar-score van 9", "het Van Wiechenonderzoek", "syndroom van Down", "de ziekte van Crohn", "het syndroom van Asperger", "de ziekte van Pfeiffer", "een Apgar van 8", "het syndroom van Tourette"]
SEASONS_NEG = ["Winter", "Lente", "Zomer", "Herfst", "Klein", "Lot", "Vorige", "Sinds", "Rond", "Na"]


def normalize(word):
    word = word.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn").lower()


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return [w for line in f if not line.startswith("#") for w in line.split()]


def read_pool(name):
    with open(os.path.join(DATA, "names", name), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


class Names:
    """Where the names of one half come from; lower-case styles never use names that are also Dutch words."""

    def __init__(self, rng, first, last, dutch):
        self.rng, self.first, self.last = rng, first, last
        self.first_plain = [n for n in first if normalize(n) not in dutch and len(n) >= 3]
        self.last_plain = [n for n in last if normalize(n) not in dutch and len(n) >= 3]

    def person(self, plain=False, origin=None):
        rng = self.rng
        first_pool = self.first_plain if plain else self.first
        last_pool = self.last_plain if plain else self.last
        kind = origin or rng.choices(["plain", "tussen", "double", "hyphen-first", "chinese", "afghan"], [50, 18, 8, 6, 9, 9])[0]
        if kind == "chinese":
            family = self.pick_chinese_family()
            given = (rng.choice(PINYIN) + rng.choice(PINYIN)).capitalize()
            return Person(given, family, family_first=True)
        if kind == "afghan":
            first, last = self.pick_afghan()
            return Person(first, last)
        first = rng.choice(first_pool)
        last = rng.choice(last_pool)
        if kind == "tussen":
            return Person(first, last, particle=rng.choice(PARTICLES))
        if kind == "double":
            return Person(first, last + "-" + rng.choice(last_pool))
        if kind == "hyphen-first":
            return Person(first + "-" + rng.choice(first_pool), last)
        return Person(first, last)

    def pick_chinese_family(self):
        return self.rng.choice(self.chinese)

    def pick_afghan(self):
        return self.rng.choice(self.afghan_first), self.rng.choice(self.afghan_last)


class Person:
    def __init__(self, first, last, particle=None, family_first=False):
        self.first, self.last, self.particle, self.family_first = first, last, particle, family_first

    @property
    def surname(self):
        return (self.particle + " " + self.last) if self.particle else self.last

    @property
    def full(self):
        return f"{self.last} {self.first}" if self.family_first else f"{self.first} {self.surname}"


class Doc:
    def __init__(self):
        self.parts = []

    def add(self, text, category=None):
        self.parts.append((text, category))
        return self

    def t(self, *items):
        """Plain strings, or (text, CATEGORY) tuples."""
        for item in items:
            if isinstance(item, tuple):
                self.add(*item)
            else:
                self.add(item)
        return self

    def build(self, doc_id):
        text, spans = "", []
        for part, category in self.parts:
            if category:
                spans.append({"start": len(text), "end": len(text) + len(part), "category": category, "text": part})
            text += part
        return {"id": doc_id, "text": text, "spans": spans}


class Gen:
    def __init__(self, rng, names):
        self.rng, self.names = rng, names

    # ---- identifiers -------------------------------------------------------------------------------------------
    def bsn(self):
        while True:
            d = [self.rng.randint(0, 9) for _ in range(8)]
            d[0] = self.rng.randint(1, 6)
            total = sum(w * x for w, x in zip([9, 8, 7, 6, 5, 4, 3, 2], d))
            last = total % 11
            if last <= 9:
                s = "".join(map(str, d + [last]))
                return self.rng.choice([s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:4]}.{s[4:6]}.{s[6:]}", f"{s[:4]} {s[4:6]} {s[6:]}",
                                        f"{s[:2]} {s[2:4]} {s[4:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}", f"{s[:3]}.{s[3:6]}.{s[6:]}"])

    def iban(self):
        bank = self.rng.choice(["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "BUNQ"])
        account = "".join(str(self.rng.randint(0, 9)) for _ in range(10))
        numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
        check = 98 - int(numeric) % 97
        s = f"NL{check:02d}{bank}{account}"
        return s if self.rng.random() < 0.5 else " ".join(s[i:i + 4] for i in range(0, len(s), 4))

    def phone_digits(self):
        if self.rng.random() < 0.6:
            return "06" + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        area = self.rng.choice(["030", "020", "010", "0346", "033", "035"])
        return area + "".join(str(self.rng.randint(0, 9)) for _ in range(10 - len(area)))

    def phone(self):
        d = self.phone_digits()
        if d.startswith("06"):
            return self.rng.choice([d, f"06-{d[2:]}", f"06 {d[2:6]} {d[6:]}", f"+31 6 {d[2:]}", f"06-{d[2:4]} {d[4:6]} {d[6:8]} {d[8:]}", f"+316{d[2:]}"])
        return self.rng.choice([f"{d[:3]}-{d[3:]}", f"{d[:3]} {d[3:6]} {d[6:8]} {d[8:]}", f"({d[:3]}) {d[3:]}", f"0031 {d[1:3]} {d[3:6]} {d[6:]}"])

    def spoken_phone(self):
        d = self.phone_digits()
        groups, i = [], 0
        while i < len(d):
            size = 2 if i else 2
            chunk = d[i:i + size]
            i += size
            if len(chunk) == 2 and chunk[0] != "0" and self.rng.random() < 0.5:
                n = int(chunk)
                groups.append(TEENS[n - 10] if n < 20 else ((DIGITS[n % 10] + ("ën" if DIGITS[n % 10].endswith("e") else "en") if n % 10 else "") + TENS[n // 10]))
            else:
                groups.append(" ".join(DIGITS[int(c)] for c in chunk))
        return self.rng.choice([", ", " ", " - "]).join(groups)

    def postcode(self):
        letters = "".join(self.rng.choice("ABCEGHJKLMNPRSTVWXZ") for _ in range(2))
        while letters in ("SA", "SD", "SS"):  # never used in Dutch postcodes
            letters = "".join(self.rng.choice("ABCEGHJKLMNPRSTVWXZ") for _ in range(2))
        n = self.rng.randint(1000, 9999)
        return self.rng.choice([f"{n} {letters}", f"{n}{letters}"])

    def email(self, p):
        local = self.rng.choice([f"{p.first}.{p.last}", f"{p.first[0]}.{p.last}", f"{p.first}{self.rng.randint(1, 99)}", f"{p.last}.{p.first[0]}"])
        local = normalize(local).replace(" ", "").replace("'", "").replace("ł", "l").replace("đ", "d").replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
        local = local.encode("ascii", "ignore").decode()
        return local + "@" + self.rng.choice(["gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "buurtteamsutrecht.nl", "school.nl", "live.nl"])

    def handle(self, p):
        base = normalize(p.first).replace(" ", "").replace("-", "").replace("'", "")
        return self.rng.choice([f"{base}.x", f"{base}_{self.rng.randint(2008, 2016)}", f"x{base[:3]}030", f"{base}.{normalize(p.last)[:4]}", f"{base}{self.rng.randint(10, 99)}"])

    def handle_phrase(self, p):
        h = self.handle(p)
        form = self.rng.randint(0, 4)
        if form == 0:
            return [("Insta (" if self.rng.random() < 0.5 else "insta: "), (h, "URL"), (")" if self.rng.random() < 0.5 else "")]
        if form == 1:
            return ["Snapchat (", (h, "URL"), ")"]
        if form == 2:
            return ["Discord ", (h.replace(".", "") + "#" + f"{self.rng.randint(0, 9999):04d}", "URL")]
        if form == 3:
            return ["TikTok ", ("@" + h, "URL")]
        return [("instagram.com/" + h, "URL")]

    def id_phrase(self):
        r = self.rng
        form = r.randint(0, 6)
        if form == 0:
            return ["patiëntnummer ", (f"{r.randint(1000, 9999)}-{r.randint(100, 999)}", "ID")]
        if form == 1:
            return [r.choice(["HIS-nummer ", "HIS-nr. ", "HIS nr "]), (str(r.randint(10000, 999999)), "ID")]
        if form == 2:
            return ["dossiernummer ", (f"{r.choice(['UT', 'U'])}-{r.choice(['JGZ', 'BT', 'GGZ', 'VT'])}-{r.randint(2015, 2026)}-{r.randint(1, 9999):04d}", "ID")]
        if form == 3:
            return [r.choice(["AGB-code ", "AGB ", "agb-code: "]), (f"{r.choice(['01', '03', '13'])}-{r.randint(10000, 99999):06d}" if r.random() < 0.5 else f"{r.choice(['01', '03'])}{r.randint(100000, 999999)}", "ID")]
        if form == 4:
            return [r.choice(["leerlingnummer ", "leerlingnr. ", "leerling-ID "]), (str(r.randint(100000, 9999999)), "ID")]
        if form == 5:
            return [r.choice(["cliëntnummer ", "clientnr "]), (f"C{r.randint(100000, 999999)}", "ID")]
        return ["dossier ", (f"JGZ-{r.randint(2010, 2025)}-{r.randint(1, 9999):04d}", "ID")]

    def date(self, year=True):
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2008, 2026)
        if year:
            return r.choice([f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d}/{m}/{str(y)[2:]}", f"{d} {MONTHS[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{d} {['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][m - 1]} {y}"])
        return r.choice([f"{d:02d}-{m:02d}", f"{d}/{m}", f"{d}-{m}", f"{d} {MONTHS[m - 1]}", f"{d:02d}/{m:02d}"])

    def spoken_date(self):
        r = self.rng
        d, m = r.randint(1, 28), r.randint(1, 12)
        y = f" {r.randint(2008, 2026)}" if r.random() < 0.5 else ""
        return f"{d}e van {MONTHS[m - 1]}{y}"

    def street(self):
        return self.rng.choice(STREET_STEMS) + self.rng.choice(STREET_ENDS)

    def address(self):
        house = str(self.rng.randint(1, 240)) + self.rng.choice(["", "", "", "bis", "-A", " B", "-2"])
        return f"{self.street()} {house}"

    def school(self):
        return self.rng.choice(SCHOOL_TYPES) + " " + self.rng.choice(SCHOOL_NAMES)

    def institution(self):
        r = self.rng.random()
        if r < 0.45:
            return self.school()
        if r < 0.7:
            return self.rng.choice(COLLEGES)
        if r < 0.85:
            return self.rng.choice(CLUBS)
        return "Huisartsenpraktijk " + self.rng.choice(["Ondiep-Noord", "Vleuterweide", "De Meern", "Lombok", "Zuilen", "Overvecht-Zuid"])

    def negative(self):
        r = self.rng
        return r.choice([
            f"Leest graag {r.choice(TITLES_NEG)} en kijkt naar {r.choice(TITLES_NEG)}.",
            f"Speelt veel {r.choice(['Minecraft', 'Fortnite', 'Roblox', 'Brawl Stars', 'The Last of Us'])}, vaak tot laat.",
            f"Familie komt oorspronkelijk uit {r.choice(PLACES_NEG)}; thuis wordt {r.choice(LANGS_NEG)} gesproken.",
            f"Vader heeft de {r.choice(NATS_NEG)} nationaliteit, moeder spreekt {r.choice(LANGS_NEG)} en wat Nederlands.",
            f"In de familie komt {r.choice(EPONYMS_NEG)} voor.",
            f"{r.choice(SEASONS_NEG)} was het rustiger thuis, zegt moeder.",
            f"Bij de geboorte {r.choice(EPONYMS_NEG)}; verder geen bijzonderheden.",
            f"{r.choice(['Winter', 'Herfst', 'Lente', 'Zomer'])} {r.randint(2019, 2025)} verhuisd vanuit {r.choice(PLACES_NEG)}.",
            f"Het lot van de familie in {r.choice(PLACES_NEG)} houdt hem bezig; hij voelt zich klein en machteloos.",
            f"Ze kijken samen {r.choice(TITLES_NEG)}, dat vindt ze leuk.",
        ])


# ---- the eight styles --------------------------------------------------------------------------------------------

def utrecht(g):
    r, n = g.rng, g.names
    kid, mother, sib, gp = n.person(), n.person(), n.person(), n.person()
    doc = Doc()
    doc.t("## Aanmelding\nIngebracht door ", r.choice(["huisarts dr. ", "jeugdarts mw. ", "POH-GGZ dhr. ", "gezinswerker "]),
          (gp.surname if r.random() < 0.6 else gp.full, "PERSON"), ", ", (g.institution(), "INSTITUTION"), ". Betreft ",
          (kid.full, "PERSON"), ", geboren ", (g.date(), "DATE"), ", wonend ", (g.address(), "ADDRESS"), ", ",
          (g.postcode(), "POSTCODE"), " Utrecht.")
    if r.random() < 0.5:
        doc.t(" BSN ", (g.bsn(), "BSN"), ".")
    doc.t("\n\n## Hulpvraag\n", (kid.first, "PERSON"), f" ({r.randint(4, 17)}) heeft sinds ", r.choice(["de zomer", "de herfstvakantie", "januari", "een half jaar"]),
          " last van ", r.choice(["buikpijn en slecht slapen", "somberheid", "boze buien", "angst om naar school te gaan", "concentratieproblemen"]), ". ",
          g.negative(), "\n\n## Gezinssituatie\n- Moeder (", (mother.full, "PERSON"), ") werkt ", r.choice(["parttime", "in de zorg", "niet"]), ".\n- ",
          r.choice(["Broer ", "Zus ", "Halfbroer ", "Zusje "]), (sib.first, "PERSON"), f" ({r.randint(2, 19)}) zit op ", (g.institution(), "INSTITUTION"), ".\n")
    if r.random() < 0.5:
        doc.t("- Contact moeder: ", (g.phone(), "PHONE"), ", ", (g.email(mother), "EMAIL"), ".\n")
    doc.t("\n## Wat is al gedaan\nGesprek op ", (g.date(False), "DATE"), " met ", (kid.first, "PERSON"), " en moeder. ", g.negative(),
          "\n\n## Vragen voor de bespreking\n1. Wat is passende zorg voor ", (kid.first, "PERSON"), "?")
    return doc


def chat(g):
    r, n = g.rng, g.names
    kid, mother, friend = n.person(plain=True, origin=r.choice(["plain", "plain", "chinese", "afghan"])), n.person(plain=True, origin="plain"), n.person(plain=True, origin="plain")
    low = lambda s: s.lower()
    doc = Doc()
    doc.t(r.choice(["notitie ", "app ", "snelle notitie ", ""]), (g.date(False), "DATE"), ": ", r.choice(["gesprek met", "gebeld met", "huisbezoek bij", "appje van"]), " moeder van ",
          (low(kid.first), "PERSON"), f" ({r.randint(5, 16)}). ", (low(mother.first), "PERSON"), " zegt dat ", (low(kid.first), "PERSON"),
          r.choice([" weer niet naar school wil", " slecht slaapt", " veel boos is", " niet meer eet"]), ". ")
    doc.t(r.choice(["vriendin ", "vriendje ", "buurjongen ", "neef "]), (low(friend.first), "PERSON"), r.choice([" was er ook bij. ", " stuurt berichten. ", " komt vaak langs. "]))
    if r.random() < 0.7:
        doc.t("contact via ", *g.handle_phrase(kid), ". ")
    if r.random() < 0.6:
        doc.t("nieuw nummer mama ", (g.phone(), "PHONE"), ". ")
    doc.t(r.choice(["afspraak ", "volgende keer ", "evaluatie "]), (g.date(False), "DATE"), r.choice([" om 10u", " op school", " thuis", ""]), ". ")
    doc.t(low(g.negative()), " ", r.choice(["ivm ziekte", "pt is klein voor leeftijd", "lot geloot voor school", "nog niks gehoord van wachtlijst"]), ".")
    if r.random() < 0.5:
        doc.t(" ", (low(kid.first), "PERSON"), " zelf zegt: \"ik wil gewoon rust\".")
    return doc


def his(g):
    r, n = g.rng, g.names
    kid, mother, gp = n.person(), n.person(), n.person(origin="plain")
    up = lambda s: s.upper()
    doc = Doc()
    doc.t("PATIENT: ", (up(kid.surname if not kid.family_first else kid.last), "PERSON"), ", ", (up(kid.first), "PERSON"), " (", (up(kid.first[0]) + ".", "PERSON") if False else "", "M" if r.random() < 0.5 else "V", ")   GEB: ",
          (g.date(), "DATE"), "   BSN: ", (g.bsn(), "BSN"), "\n", *[up(x) if isinstance(x, str) else (up(x[0]), x[1]) for x in g.id_phrase()], "\nADRES: ",
          (up(g.address()), "ADDRESS"), ", ", (up(g.postcode()), "POSTCODE"), " UTRECHT\nHUISARTS: ", (up(gp.first[0]) + ". " + up(gp.surname), "PERSON"), "\n\n")
    doc.t("E ", (g.date(False), "DATE"), " CONSULT: MOEDER (", (up(mother.first), "PERSON"), ") MELDT DAT ", (up(kid.first), "PERSON"),
          r.choice([" SLECHT SLAAPT EN NIET NAAR SCHOOL GAAT.", " VEEL BUIKPIJN HEEFT, GEEN KOORTS.", " SOMBER IS SINDS VERHUIZING."]), "\n")
    doc.t("O GEEN BIJZONDERHEDEN. ", up(r.choice(["Apgar 9 bij geboorte.", "Van Wiechen bij JGZ normaal.", "Fam: ziekte van Huntington (opa)."])), "\n")
    doc.t("P VERWIJZING POH-GGZ. TEL MOEDER ", (g.phone(), "PHONE"), ". CONTROLE ", (g.date(False), "DATE"), ".\n")
    if r.random() < 0.5:
        doc.t("MEDEBEHANDELAAR: ", (up(n.person(origin="plain").full), "PERSON"), ", ", (up(g.school()), "INSTITUTION"), "\n")
    return doc


def email(g):
    r, n = g.rng, g.names
    sender, kid, receiver = n.person(origin="plain"), n.person(), n.person()
    doc = Doc()
    doc.t("Van: ", (sender.full, "PERSON"), " <", (g.email(sender), "EMAIL"), ">\nAan: ", (g.email(receiver), "EMAIL"), "\nOnderwerp: ",
          r.choice(["zorgen over ", "overleg ", "update "]), (kid.first, "PERSON"), "\n\n", r.choice(["Beste ", "Hoi ", "Dag "]), (receiver.first, "PERSON"), ",\n\n")
    doc.t("Zoals besproken op ", (g.date(), "DATE"), " stuur ik je een update over ", (kid.full, "PERSON"), ". ", g.negative(), " Mentor ",
          (n.person(origin="plain").full, "PERSON"), " van het ", (r.choice(COLLEGES), "INSTITUTION"), " maakt zich zorgen over verzuim.\n\n")
    if r.random() < 0.5:
        doc.t("De eigen bijdrage kan naar ", (g.iban(), "IBAN"), " t.n.v. ", (sender.full, "PERSON"), ".\n\n")
    doc.t("Je kunt me bereiken op ", (g.phone(), "PHONE"), ".\n\nMet vriendelijke groet,\n", (sender.full, "PERSON"), "\nGezinswerker Buurtteam Ondiep")
    return doc


def school(g):
    r, n = g.rng, g.names
    kid, teacher, ib, att = n.person(), n.person(origin="plain"), n.person(origin="plain"), n.person(origin="plain")
    sch = g.school()
    doc = Doc()
    doc.t("Verzuimmelding ", (sch, "INSTITUTION"), "\nLeerling: ", (kid.full, "PERSON"), f", groep {r.randint(3, 8)}, ", *g.id_phrase(), "\nGeboortedatum: ", (g.date(), "DATE"), "\n")
    doc.t("Groepsleerkracht: juf ", (teacher.first, "PERSON"), "\nIB: ", (ib.full, "PERSON"), "\n\n")
    d1, d2 = g.date(False), g.date(False)
    doc.t("Afwezig: ", (d1, "DATE"), " t/m ", (d2, "DATE"), ", en op ", (g.date(False), "DATE"), " (ziek gemeld door moeder).\n")
    doc.t(r.choice(["Ongeoorloofd verzuim", "Te laat", "Vaak ziek gemeld"]), f": {r.randint(3, 14)} keer dit schooljaar. Juf ", (teacher.first, "PERSON"),
          " heeft contact gehad met ", r.choice(["moeder", "vader", "oma"]), ". ", g.negative(), "\n")
    doc.t("Leerplichtambtenaar: ", (att.full, "PERSON"), ", tel. ", (g.phone(), "PHONE"), ".\n")
    if r.random() < 0.5:
        doc.t("Trainster ", (n.person(origin="plain").first, "PERSON"), " van ", (r.choice(CLUBS), "INSTITUTION"), " ziet haar nog wel elke week.\n")
    return doc


def telephone(g):
    r, n = g.rng, g.names
    caller, kid = n.person(), n.person()
    doc = Doc()
    doc.t("Telefoonnotitie ", (g.date(), "DATE"), "\n", r.choice(["Gebeld door ", "Belde: ", "Terugbelverzoek van "]), (caller.full, "PERSON"), ", ",
          r.choice(["moeder", "tante", "buurvrouw", "vader"]), " van ", (kid.first, "PERSON"), ".\n")
    doc.t("Ze zegt dat ", (kid.first, "PERSON"), " geboren is op de ", (g.spoken_date(), "DATE"), " en dat het BSN ", (g.bsn(), "BSN"), " is.\n")
    doc.t("Terugbellen op ", (g.spoken_phone(), "PHONE"), r.choice([" (mobiel).", ", na drie uur.", "."]), "\n")
    doc.t("Afspraak gemaakt voor de ", (g.spoken_date(), "DATE"), " op ", (g.address(), "ADDRESS"), r.choice([".", ", bij de buurvrouw."]), "\n")
    if r.random() < 0.5:
        doc.t("Woont op de hoek ", (f"{g.street()}/{g.street()}", "ADDRESS"), ".\n")
    doc.t(g.negative())
    return doc


def english(g):
    r, n = g.rng, g.names
    kid, mother, nurse = n.person(origin=r.choice(["plain", "plain", "chinese", "afghan", "double"])), n.person(), n.person(origin="plain")
    doc = Doc()
    m, d = r.randint(0, 11), r.randint(1, 28)
    doc.t("Note (English, for the interpreter): ", (kid.full, "PERSON"), f", aged {r.randint(4, 17)}, was seen on ", (f"{d} {EN_MONTHS[m]}" + (f" {r.randint(2015, 2026)}" if r.random() < 0.5 else ""), "DATE"),
          ". His mother ", (mother.first, "PERSON"), " says ", (kid.first, "PERSON"), r.choice([" has not slept well since the move from ", " misses his friends in ", " talks a lot about "]),
          r.choice(PLACES_NEG), ". They speak ", r.choice(["Twi", "Portuguese", "Polish", "Dari", "Mandarin", "English"]), " at home.\n")
    doc.t("Teacher Mr ", (nurse.surname, "PERSON"), " at ", (g.school(), "INSTITUTION"), " reports he plays ", r.choice(["The Last of Us", "Minecraft", "Fortnite"]),
          " until late. Mother can be reached on ", (g.phone(), "PHONE"), " or ", (g.email(mother), "EMAIL"), ".\n")
    if r.random() < 0.6:
        doc.t("He is on ", *g.handle_phrase(kid), " and talks to strangers there.\n")
    doc.t("In Spring the family hopes to move; ", (kid.first, "PERSON"), " would like to stay near ", (r.choice(COLLEGES), "INSTITUTION"), ".")
    return doc


def meeting(g):
    r, n = g.rng, g.names
    chair, gp, poh, notary, kid = [n.person(origin="plain") for _ in range(4)] + [n.person()]
    doc = Doc()
    doc.t("Notulen MDO ", (g.date(), "DATE"), "\nAanwezig: ", (chair.full, "PERSON"), " (voorzitter), ", (gp.full, "PERSON"), " (huisarts), ",
          (poh.first, "PERSON"), " (POH-GGZ)\nnotulist: ", (notary.first, "PERSON"), "\n\n")
    doc.t("1. Casus ", (kid.first, "PERSON"), f" ({r.randint(4, 17)})\n", (poh.first, "PERSON"), " vertelt dat ", (kid.first, "PERSON"),
          r.choice([" weer vaker thuis zit.", " bij de GGZ op de wachtlijst staat.", " goed reageert op de gesprekken."]), " ", g.negative(), "\n")
    doc.t((gp.surname, "PERSON"), r.choice([" stelt voor ", " vraagt of ", " wil dat "]), r.choice(["het buurtteam aansluit.", "de jeugdarts meekijkt.", "school wordt betrokken."]),
          " Actie: ", (chair.first, "PERSON"), " belt ", (r.choice(COLLEGES), "INSTITUTION"), " voor ", (g.date(False), "DATE"), ".\n")
    if r.random() < 0.5:
        doc.t("IB: ", (n.person(origin="plain").full, "PERSON"), " (", (g.school(), "INSTITUTION"), ")\n")
    doc.t("Volgende MDO: ", (g.date(), "DATE"), ".")
    return doc


STYLES = [utrecht, chat, his, email, school, telephone, english, meeting]


def make_names(rng, half, dutch):
    lexicon_first = read_words(os.path.join(LEX, "first-names.txt"))
    lexicon_last = read_words(os.path.join(LEX, "surnames.txt"))
    if half == "train":
        names = Names(rng, lexicon_first + read_pool("train-first.txt") * 2, lexicon_last + read_pool("train-last.txt") * 2, dutch)
        names.chinese, names.afghan_first, names.afghan_last = CHINESE_FAMILY[::2], AFGHAN_FIRST[::2], AFGHAN_LAST[::2]
    else:
        names = Names(rng, read_pool("eval-first.txt"), read_pool("eval-last.txt"), dutch)
        known = {normalize(w) for w in lexicon_first + lexicon_last}
        names.chinese = [c for c in CHINESE_FAMILY[1::2] if normalize(c) not in known]
        names.afghan_first = [c for c in AFGHAN_FIRST[1::2] if normalize(c) not in known]
        names.afghan_last = [c for c in AFGHAN_LAST[1::2] if normalize(c) not in known]
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--count", type=int, default=600, help="texts per half")
    args = parser.parse_args()
    import gzip
    with gzip.open(os.path.join(LEX, "dutch-words.txt.gz"), "rt", encoding="utf-8") as f:
        dutch = {line.strip() for line in f}
    for half in ["train", "eval"]:
        rng = random.Random(f"{args.seed}:{half}")
        gen = Gen(rng, make_names(rng, half, dutch))
        with open(os.path.join(DATA, f"synthetic-{half}.jsonl"), "w", encoding="utf-8") as out:
            for i in range(args.count):
                style = STYLES[i % len(STYLES)]
                doc = style(gen).build(f"syn-{half}-{i + 1:04d}-{style.__name__}")
                for s in doc["spans"]:
                    assert doc["text"][s["start"]:s["end"]] == s["text"]
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
