#!/usr/bin/env python3
"""Generate the blind "letters" geocoding test set.

Each row is a Brussels address written the messy way it is copied from a
letter, a form, an e-mail signature or a patient file: a street name (exact,
no typos) with a house number plus one to three "surroundings" (floor, flat or
box, country, recipient / care-of, messy postcode/commune, trailing note).

The expected answer of each row is the street: postcode, NIS code, French and
Dutch names exactly as in data/geo/brussels_streets.csv.

Written blind from data/geo/brussels_streets.csv only.
Standard library only; deterministic (random.Random(20261206)).

    python3 tests/geocoding/letters/generate.py
"""

import collections
import csv
import os
import re
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SRC = os.path.join(ROOT, "data", "geo", "brussels_streets.csv")
OUT = os.path.join(HERE, "addresses_blind.csv")

SEED = 20261206
N_ROWS = 200
BRUSSELS_NIS = "21004"

KINDS = ["floor", "box", "country", "recipient", "locality", "note"]


def norm(s):
    """Accent-, case- and punctuation-insensitive form used for ambiguity checks."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


# --------------------------------------------------------------------------
# Load the streets; a "street" (expected answer) is the tuple
# (postcode, nis, street_fr, street_nl).  Several BeST street-name ids can
# share the same tuple (segments of the same street); they are one answer.
# --------------------------------------------------------------------------
def load():
    with open(SRC, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keys = []
    seen = set()
    communes = {}
    for r in rows:
        fr, nl = r["street_fr"].strip(), r["street_nl"].strip()
        if not fr or not nl:
            continue
        key = (r["postcode"].strip(), r["nis_commune"].strip(), fr, nl)
        communes[key[1]] = (r["commune_fr"].strip(), r["commune_nl"].strip())
        if key in seen:
            continue
        seen.add(key)
        keys.append(key)
    return keys, communes


KEYS, COMMUNES = load()

# Index: normalised name (FR or NL, a typed name may match either column) -> keys
BY_NAME = collections.defaultdict(set)
for _k in KEYS:
    BY_NAME[norm(_k[2])].add(_k)
    BY_NAME[norm(_k[3])].add(_k)


def candidates(name, postcode=None, nis=None):
    out = set(BY_NAME[norm(name)])
    if postcode is not None:
        out = {k for k in out if k[0] == postcode}
    if nis is not None:
        out = {k for k in out if k[1] == nis}
    return out


def resolvable(key, name):
    """Which locality information makes `name` resolve to exactly `key`."""
    pc, nis = key[0], key[1]
    by_pc = candidates(name, postcode=pc) == {key}
    by_pc_commune = candidates(name, postcode=pc, nis=nis) == {key}
    if nis == BRUSSELS_NIS:
        by_commune = candidates(name) == {key}
    else:
        by_commune = candidates(name, nis=nis) == {key}
    return by_pc, by_commune, by_pc_commune


def eligible(key):
    # Both languages must be resolvable at least with postcode + commune, so
    # the FR/NL split can be decided after sampling.
    return resolvable(key, key[2])[2] and resolvable(key, key[3])[2]


# --------------------------------------------------------------------------
# Vocabulary for the surroundings
# --------------------------------------------------------------------------
_STREET_NAMES = set(BY_NAME)
_SURNAMES = [
    "Dupont", "El Amrani", "Peeters", "Janssens", "Diallo", "Nguyen", "Yilmaz",
    "Kowalski", "Bensaïd", "Mertens", "Ndiaye", "Haddad", "Popescu", "Benali",
    "Ouedraogo", "Mukendi", "Bakkali", "Öztürk", "Rahmani", "Nowak", "Ferreira",
    "Tshibanda", "Chaoui", "Ait Taleb", "Kaya", "Dubois", "Claes", "Vermeulen",
]
# never let a recipient be, by itself, a whole street name
SURNAMES = [s for s in _SURNAMES if norm(s) not in _STREET_NAMES]
FIRST_F = ["Marie", "Aminata", "Nadia", "Sophie", "Olga", "Inès", "Fatou", "Elif"]
FIRST_M = ["Jan", "Youssef", "Karim", "Pieter", "Mehmet", "Lucas"]
FIRST_F = [s for s in FIRST_F if norm(s) not in _STREET_NAMES]
FIRST_M = [s for s in FIRST_M if norm(s) not in _STREET_NAMES]

FLOORS_FR = ["{n}e étage", "{n}ème étage", "{n}è étage", "1er étage",
             "rez-de-chaussée", "rdc", "RDC", "Rez"]
FLOORS_NL = ["{n}de verdieping", "{n}e verdieping", "1ste verdieping",
             "gelijkvloers", "{n}de verd."]
BOX_FR = ["bte {b}", "Bte {b}", "boîte {b}", "bt {b}", "app. {b}",
          "appartement {b}", "apt {b}", "Appt {b}"]
BOX_NL = ["bus {b}", "Bus {b}", "bus {b}", "app. {b}", "apt {b}",
          "appartement {b}"]
COUNTRY_WORDS = ["Belgique", "Belgium", "België", "BELGIQUE", "Belgique",
                 "BELGIË", "Belgium"]
NOTES_FR = ["(sonnette {n})", "- {n}ème sonnette", "porte de gauche",
            "porte de droite", "(sonner 2 fois)", "sonnette {name}",
            "(porte arrière)", "entrée par la cour", "(interphone {n})"]
NOTES_NL = ["achterdeur", "(bel {n})", "- {n}de bel", "linkse deur",
            "(aanbellen bij {name})", "ingang via de binnenkoer", "(2x bellen)"]


def recipient(rng, lang):
    s = rng.choice(SURNAMES)
    f = rng.choice(FIRST_F + FIRST_M)
    ff = rng.choice(FIRST_F)
    fm = rng.choice(FIRST_M)
    fr = ["chez Mme {s}", "chez M. {s}", "c/o CPAS", "c/o {f} {s}",
          "Famille {s}", "M. et Mme {s}", "Mme {ff} {S}", "{f} {s}",
          "Mr {S} {fm}", "chez {f} {s}"]
    nl = ["bij familie {s}", "t.a.v. {f} {s}", "c/o OCMW", "p/a {s}",
          "Familie {s}", "Dhr. {fm} {s}", "Mevr. {S}", "{f} {s}", "bij {f} {s}"]
    pool = fr if (lang == "fr") == (rng.random() < 0.8) else nl
    return rng.choice(pool).format(s=s, f=f, ff=ff, fm=fm, S=s.upper())


def floor(rng, lang):
    use_fr = (lang == "fr") == (rng.random() < 0.8)
    t = rng.choice(FLOORS_FR if use_fr else FLOORS_NL)
    n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6])
    if t.startswith("{n}") and n == 1:
        t = "1er étage" if use_fr else "1ste verdieping"
    return t.format(n=n)


def box(rng, lang):
    use_fr = (lang == "fr") == (rng.random() < 0.8)
    t = rng.choice(BOX_FR if use_fr else BOX_NL)
    b = str(rng.randint(1, 40))
    r = rng.random()
    if r < 0.15:
        b += rng.choice("ABCD")
    elif r < 0.22:
        b = rng.choice(["0", "00"]) + str(rng.randint(1, 9))
    return t.format(b=b)


def note(rng, lang):
    use_fr = (lang == "fr") == (rng.random() < 0.8)
    t = rng.choice(NOTES_FR if use_fr else NOTES_NL)
    return t.format(n=rng.randint(2, 5), name=rng.choice(SURNAMES).upper())


def house_number(rng):
    n = rng.randint(1, 300)
    r = rng.random()
    if r < 0.62:
        return str(n)
    if r < 0.72:
        return f"{n}{rng.choice('ABCDab')}"
    if r < 0.80:
        return f"{n} {rng.choice('abcABC')}"
    if r < 0.90:
        return f"{n}-{n + rng.choice([2, 2, 4])}"
    return f"{n}/{rng.randint(1, 12)}"


def commune_name(rng, key, lang, mixed_ok):
    fr, nl = COMMUNES[key[1]]
    use_fr = lang == "fr"
    if mixed_ok and rng.random() < 0.25:
        use_fr = not use_fr
    name = fr if use_fr else nl
    if key[1] == BRUSSELS_NIS and key[0] == "1000" and mixed_ok and rng.random() < 0.35:
        name = rng.choice(["Bxl", "Brux.", "BXL"])
    if mixed_ok and fr != nl and rng.random() < 0.08:
        name = f"{fr}/{nl}" if lang == "fr" else f"{nl}/{fr}"
    return name


# --------------------------------------------------------------------------
# Build one row
# --------------------------------------------------------------------------
def build(rng, key, lang, kinds):
    pc, nis, fr, nl = key
    street = fr if lang == "fr" else nl
    by_pc, by_commune, _ = resolvable(key, street)
    kinds = set(kinds)
    num = house_number(rng)

    # ---- street line (street + number, in a style fitting the language)
    if lang == "fr":
        style = rng.random()
        if style < 0.65:
            line_parts = [street, num]          # Rue X 12
            num_first = False
        else:
            s = street[0].lower() + street[1:] if rng.random() < 0.6 else street
            line_parts = [num + rng.choice([",", ""]), s]   # 12, rue X
            num_first = True
    else:
        line_parts = [street, num]
        num_first = False

    tail = []      # extra things after the locality / at the very end

    # ---- floor & box: right after the number or at the end
    for kind, fn in (("box", box), ("floor", floor)):
        if kind not in kinds:
            continue
        txt = fn(rng, lang)
        if rng.random() < 0.6:
            if num_first:
                # "12 bte 3, rue X" / "12/bte 3 rue X"
                line_parts[0] = line_parts[0].rstrip(",") + rng.choice([" ", ", ", " / "]) + txt + ","
            else:
                line_parts.append(rng.choice(["", ","]) + " " + txt)
        else:
            tail.append(txt)

    # join street line
    if num_first:
        street_line = line_parts[0] + " " + line_parts[1]
    else:
        street_line = line_parts[0] + rng.choice([" ", " ", " ", ", ", "  "]) + line_parts[1]
        for extra in line_parts[2:]:
            street_line += extra

    # ---- locality
    country_bdash = False
    country_word = None
    if "country" in kinds:
        if rng.random() < 0.3:
            country_bdash = True
        else:
            country_word = rng.choice(COUNTRY_WORDS)

    messy = "locality" in kinds
    before = None       # something written before the street (commune-first)
    after = None        # locality text after the street
    # options: which information is given
    if not messy:
        mode = "pc+commune"
    else:
        opts = ["pc+commune"]
        if by_pc:
            opts += ["pc", "pc"]
        if by_commune and not country_bdash:
            opts += ["commune", "commune"]
        opts += ["split"]      # postcode and commune separated / reversed
        mode = rng.choice(opts)
    pcs = ("B-" + pc) if country_bdash else pc
    if mode == "pc+commune":
        if not messy:
            cname = commune_name(rng, key, lang, mixed_ok=False)
            after = f"{pcs} {cname}"
        else:
            cname = commune_name(rng, key, lang, mixed_ok=True)
            r = rng.random()
            if r < 0.3:
                # commune written before the street: "1030 Schaerbeek, rue X 12"
                before = rng.choice([f"{pcs} {cname}", f"{pcs} {cname}", f"{cname} {pcs}"])
            elif r < 0.6:
                after = rng.choice([f"{pcs} {cname}", f"{pcs}  {cname}", f"{pcs} {cname.upper()}"])
            else:
                after = rng.choice([f"{pcs}-{cname}", f"{cname} {pcs}", f"{pcs} - {cname}"])
    elif mode == "pc":
        after = pcs
    elif mode == "commune":
        cname = commune_name(rng, key, lang, mixed_ok=True)
        if rng.random() < 0.35:
            before = cname
        else:
            after = cname
    else:  # split: postcode after, commune before / or separated by a comma
        cname = commune_name(rng, key, lang, mixed_ok=True)
        if rng.random() < 0.5:
            before = cname
            after = pcs
        else:
            after = f"{pcs}, {cname}" if rng.random() < 0.5 else f"{cname}, {pcs}"

    # sanity: the information given must make the answer unique
    gives_pc = mode in ("pc", "pc+commune", "split")
    gives_commune = mode in ("commune", "pc+commune", "split")
    if gives_pc and gives_commune:
        assert candidates(street, postcode=pc, nis=nis) == {key}
    elif gives_pc:
        assert by_pc, key
    else:
        assert by_commune, key

    # ---- notes / country at the end
    if "note" in kinds:
        tail.append(note(rng, lang))
    rng.shuffle(tail)
    if country_word:
        # country is usually last, sometimes before a note
        if tail and rng.random() < 0.3:
            tail.insert(len(tail) - 1, country_word)
        else:
            tail.append(country_word)

    # ---- recipient
    rec = recipient(rng, lang) if "recipient" in kinds else None

    # ---- assemble "lines"
    line_sep_style = rng.random()

    def sep():
        if line_sep_style < 0.45:
            return rng.choice([", ", ", ", ",  ", " , "])
        if line_sep_style < 0.75:
            return rng.choice([" / ", " / ", " /", ", "])
        return rng.choice([" - ", " – ", ", ", "  "])

    lines = []
    if rec:
        lines.append(rec)
    if before:
        lines.append(before)
    lines.append(street_line)
    if after:
        lines.append(after)
    text = lines[0]
    for ln in lines[1:]:
        text += sep() + ln
    for t in tail:
        if t.startswith("-") or t.startswith("("):
            text += " " + t
        else:
            text += rng.choice([", ", " ", " - ", sep()]) + t

    # ---- case
    r = rng.random()
    if r < 0.12:
        text = text.upper()
    elif r < 0.20:
        text = text.lower()
    text = re.sub(r"[ ]{3,}", "  ", text).strip()

    # the street name must appear verbatim (modulo case)
    assert street.casefold() in text.casefold(), (street, text)
    return text


def main():
    rng = random.Random(SEED)
    pool = sorted(k for k in KEYS if eligible(k))
    all_nis = {k[1] for k in pool}
    # uniform sample of distinct streets, redrawn until all 19 communes are in
    # and no street (same commune + FR name) appears twice
    for _attempt in range(1000):
        sample = rng.sample(pool, N_ROWS)
        if {k[1] for k in sample} != all_nis:
            continue
        if len({(k[1], k[2]) for k in sample}) != N_ROWS:
            continue
        break
    else:
        sys.exit("could not draw a sample")
    assert len(all_nis) == 19

    langs = ["fr"] * (N_ROWS // 2) + ["nl"] * (N_ROWS - N_ROWS // 2)
    rng.shuffle(langs)

    counts = collections.Counter()
    per_row = collections.Counter()
    out_rows = []
    for i, (key, lang) in enumerate(zip(sample, langs), 1):
        k = rng.choice([1, 2, 3])
        kinds = rng.sample(KINDS, k)
        counts.update(kinds)
        per_row[k] += 1
        typed = build(rng, key, lang, kinds)
        out_rows.append({
            "id": f"let-{i:03d}",
            "typed": typed,
            "postcode": key[0],
            "nis": key[1],
            "street_fr": key[2],
            "street_nl": key[3],
        })

    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "typed", "postcode", "nis",
                                          "street_fr", "street_nl"])
        w.writeheader()
        w.writerows(out_rows)

    print(f"wrote {len(out_rows)} rows to {os.path.relpath(OUT, ROOT)}")
    print(f"eligible streets: {len(pool)} of {len(KEYS)}")
    print("surroundings per kind:", ", ".join(f"{k}={counts[k]}" for k in KINDS))
    print("rows by number of surroundings:",
          ", ".join(f"{k}={per_row[k]}" for k in sorted(per_row)))
    print("languages:", collections.Counter(langs))
    print("communes:", len({r['nis'] for r in out_rows}))


if __name__ == "__main__":
    main()
