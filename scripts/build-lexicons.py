#!/usr/bin/env python3
# Rebuilds the anonymisation guard's derived lexicons (src/Proeftuin.Core/Anonymization/Lexicons) from real sources:
#   - the OpenTaal Dutch word list (Debian package wdutch: /usr/share/dict/dutch), lower-case entries only;
#   - the SCOWL American English word list (Debian package wamerican: /usr/share/dict/american-english);
#   - the personal names of every locale of Bogus 35.6.5 (MIT), printed by scripts/lexicons/BogusNames;
#   - the Proeftuin team's own Utrecht additions in scripts/lexicons/curated/.
# It also writes the name pools the synthetic corpus generator draws from (tests/data/anonymization/names/): the names
# are split by a hash into a lexicon part, a training-only part and an evaluation-only part, so the evaluation half of
# the corpus holds names that are in no lexicon and in no training text. Run from the repository root:
#   sudo apt-get install wdutch wamerican && python3 scripts/build-lexicons.py
import gzip, hashlib, os, re, subprocess, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src/Proeftuin.Core/Anonymization/Lexicons")
POOLS = os.path.join(ROOT, "tests/data/anonymization/names")
CURATED = os.path.join(ROOT, "scripts/lexicons/curated")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’-]*$")
SKIP_LOCALES = {"en_BORK"}  # the Swedish Chef locale: not names


def normalize(word):
    """The detector's Lexicon.Normalize: case-folded, no diacritics, dotless i as i."""
    word = word.replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower().replace("’", "'")


def bucket(name):
    """0-69 lexicon, 70-84 training only, 85-99 evaluation only; stable across runs and machines."""
    return int(hashlib.sha256(("proeftuin-names:" + normalize(name)).encode()).hexdigest()[:8], 16) % 100


def words_of(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            yield from line.split()


def word_list(path):
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and w[0].islower() and "'" not in w[1:] and " " not in w and not any(c.isdigit() for c in w):
                words.add(normalize(w))
    return words


def bogus_names():
    tool = os.path.join(ROOT, "scripts/lexicons/BogusNames")
    out = subprocess.run(["dotnet", "run", "-c", "Release", "--project", tool], check=True, capture_output=True, text=True).stdout
    first, last = set(), set()
    for line in out.splitlines():
        locale, kind, value = line.split("\t")
        if locale in SKIP_LOCALES:
            continue
        for part in value.split():
            if LATIN.match(part) and len(part) >= 2 and part[0].isupper() and not part.isupper():
                (first if kind == "first" else last).add(part)
    return first, last


def write_list(path, header, words):
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join("# " + h + "\n" for h in header))
        line = []
        for w in sorted(words, key=lambda w: (normalize(w), w)):
            line.append(w)
            if len(line) == 20:
                f.write(" ".join(line) + "\n")
                line = []
        if line:
            f.write(" ".join(line) + "\n")


def write_gz(path, words):
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(data)


def main():
    dutch = word_list("/usr/share/dict/dutch")
    english = word_list("/usr/share/dict/american-english")
    bogus_first, bogus_last = bogus_names()
    curated_first = set(words_of(os.path.join(CURATED, "first-names-utrecht.txt")))
    curated_last = set(words_of(os.path.join(CURATED, "surnames-utrecht.txt")))
    curated_ambiguous = set(words_of(os.path.join(CURATED, "ambiguous-names-utrecht.txt")))
    not_names = {normalize(w) for w in words_of(os.path.join(OUT, "not-names.txt"))}

    def split(names):
        lexicon, train, evaluation = set(), set(), set()
        for n in names:
            if normalize(n) in not_names:
                continue
            b = bucket(n)
            (lexicon if b < 70 else train if b < 85 else evaluation).add(n)
        return lexicon, train, evaluation

    lex_first, train_first, eval_first = split(bogus_first)
    lex_last, train_last, eval_last = split(bogus_last)
    first = lex_first | curated_first
    last = lex_last | curated_last
    known = {normalize(n) for n in first | last}
    ambiguous = {n for n in first | last if normalize(n) in dutch or normalize(n) in english} | curated_ambiguous

    write_list(os.path.join(OUT, "first-names.txt"), [
        "First names of many origins. Derived by scripts/build-lexicons.py: Bogus 35.6.5 locales (MIT) minus the",
        "corpus generator's held-out part, plus the Proeftuin team's Utrecht additions. Do not edit; rebuild."], first)
    write_list(os.path.join(OUT, "surnames.txt"), [
        "Surnames of many origins (without tussenvoegsel). Derived by scripts/build-lexicons.py, as first-names.txt."], last)
    write_list(os.path.join(OUT, "ambiguous-names.txt"), [
        "Names that are also Dutch or English words (OpenTaal, SCOWL): flagged only with context. Derived by",
        "scripts/build-lexicons.py, plus the team's curated list."], ambiguous)
    write_gz(os.path.join(OUT, "dutch-words.txt.gz"), dutch)
    write_gz(os.path.join(OUT, "english-words.txt.gz"), english)

    os.makedirs(POOLS, exist_ok=True)
    in_training = {normalize(n) for n in train_first | train_last}
    pools = {
        "train-first.txt": sorted(train_first), "train-last.txt": sorted(train_last),
        # Evaluation names: in no lexicon and in no training pool (a name can be a first name in one and a surname in the other).
        "eval-first.txt": sorted(n for n in eval_first if normalize(n) not in known and normalize(n) not in in_training),
        "eval-last.txt": sorted(n for n in eval_last if normalize(n) not in known and normalize(n) not in in_training),
    }
    for file, names in pools.items():
        with open(os.path.join(POOLS, file), "w", encoding="utf-8") as f:
            f.write("\n".join(names) + "\n")
    print(f"dutch words {len(dutch)}, english words {len(english)}, first names {len(first)}, surnames {len(last)}, "
          f"ambiguous {len(ambiguous)}; pools: " + ", ".join(f"{k} {len(v)}" for k, v in pools.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
