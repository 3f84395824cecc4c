#!/usr/bin/env python3
"""Generate tests/geocoding/streets_blind.csv from data/geo/brussels_streets.csv.

Blind generation: only the data file is read. Seed fixed for reproducibility.
"""
import csv
import collections
import random
import re
import sys
import unicodedata

SEED = 20261204
N = 250
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE.parent.parent / "data" / "geo" / "brussels_streets.csv"
OUT = HERE / "streets_blind.csv"

rng = random.Random(SEED)

# ---------------------------------------------------------------- data
raw = list(csv.DictReader(open(SRC, encoding="utf-8")))
keys = []
seen = set()
for r in raw:
    if not r["street_fr"].strip() or not r["street_nl"].strip():
        continue
    k = (r["postcode"], r["nis_commune"], r["commune_fr"], r["commune_nl"],
         r["street_fr"], r["street_nl"])
    if k not in seen:
        seen.add(k)
        keys.append(k)


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn")


def norm(s):
    s = strip_accents(s).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


# index: postcode -> list of keys, nis -> list of keys
by_pc = collections.defaultdict(list)
by_nis = collections.defaultdict(list)
for k in keys:
    by_pc[k[0]].append(k)
    by_nis[k[1]].append(k)
all_names = collections.Counter()
for k in keys:
    all_names[norm(k[4])] += 0
# region-wide: normalized name -> set of distinct streets (fr,nl,nis)
region = collections.defaultdict(set)
for k in keys:
    region[norm(k[4])].add((k[1], k[4], k[5]))
    region[norm(k[5])].add((k[1], k[4], k[5]))


def area(k, loc):
    """Candidate streets a reader would consider given the location info."""
    if loc == "pc":
        return by_pc[k[0]]
    if loc == "commune":
        return by_nis[k[1]]
    return [x for x in by_pc[k[0]] if x[1] == k[1]]


def expected(x):
    return (x[0], x[1], x[4], x[5])


def matches(name_norm, k, loc):
    """Distinct expected answers whose FR or NL name normalizes to name_norm."""
    return {expected(x) for x in area(k, loc)
            if norm(x[4]) == name_norm or norm(x[5]) == name_norm}


def osa(a, b):
    """Optimal string alignment (Damerau-Levenshtein with adjacent swaps)."""
    la, lb = len(a), len(b)
    d = [[0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la + 1):
        d[i][0] = i
    for j in range(lb + 1):
        d[0][j] = j
    for i in range(1, la + 1):
        for j in range(1, lb + 1):
            c = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[la][lb]


# ---------------------------------------------------------------- typos
FR_SMALL = {"de", "la", "du", "des", "le", "les", "l", "d", "aux", "au", "et",
            "a", "à", "en", "sur", "saint", "sainte"}
FR_TYPES = {"rue", "avenue", "boulevard", "chaussée", "place", "square",
            "clos", "drève", "chemin", "quai", "allée", "allées", "impasse",
            "venelle", "galerie", "parvis", "carré", "cité", "val", "passage",
            "rond-point", "cours", "carrefour", "parc", "esplanade", "rampe",
            "route", "sentier", "promenade", "digue", "mail", "petite",
            "montagne", "champ", "mont"}
NL_SMALL = {"de", "het", "van", "der", "den", "op", "ter", "ten", "sint",
            "in", "t", "aan"}
NL_SUFFIXES = ["steenweg", "straat", "laan", "plein", "square", "dreef",
               "weg", "kaai", "gang", "hof", "veld", "park", "pad", "berg"]

KEYB = {
    "a": "zqsp", "b": "vn", "c": "xv", "d": "sf", "e": "rz", "f": "dg",
    "g": "fh", "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "km",
    "m": "nl", "n": "bm", "o": "ip", "p": "ol", "q": "aw", "r": "et",
    "s": "adz", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "cz",
    "y": "tu", "z": "xs",
}


def typo_spans(name, lang):
    """(start, end) character spans of the distinctive part where a typo may go."""
    spans = []
    for m in re.finditer(r"[A-Za-zÀ-ÿ]+", name):
        w = m.group(0)
        lw = w.lower()
        s, e = m.start(), m.end()
        if lang == "fr":
            if s == 0 and lw in FR_TYPES:
                continue
            if lw in FR_SMALL:
                continue
        else:
            if lw in NL_SMALL:
                continue
            if lw in ("steenweg", "straat", "laan", "plein"):
                continue
            for suf in NL_SUFFIXES:
                if lw.endswith(suf) and len(lw) > len(suf) + 2:
                    e = s + len(w) - len(suf)
                    break
        if e - s >= 4:
            spans.append((s, e))
    return spans


def make_typo(name, lang):
    spans = typo_spans(name, lang)
    if not spans:
        return None, None
    s, e = rng.choice(spans)
    # never the first letter of the word; plain ASCII letters only
    pos = [i for i in range(s + 1, e) if name[i].lower() in KEYB]
    if not pos:
        return None, None
    i = rng.choice(pos)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    c = name[i]
    if kind == "swap":
        if i + 1 >= e or name[i + 1].lower() == c.lower() or name[i + 1].lower() not in KEYB:
            kind = "replace"
        else:
            return name[:i] + name[i + 1] + c + name[i + 2:], "swap"
    if kind == "drop":
        return name[:i] + name[i + 1:], "drop"
    if kind == "double":
        return name[:i] + c + name[i:], "double"
    rep = rng.choice(KEYB[c.lower()])
    if c.isupper():
        rep = rep.upper()
    return name[:i] + rep + name[i + 1:], "replace"


def typo_is_safe(typo_name, k, loc):
    t = norm(typo_name)
    own = {norm(k[4]), norm(k[5])}
    if t in own:
        return False
    for x in area(k, loc):
        if expected(x) == expected(k):
            continue
        for nm in (x[4], x[5]):
            if osa(t, norm(nm)) <= 2:
                return False
    return True


# ---------------------------------------------------------------- abbreviations
FR_TYPE_ABBR = {
    "Avenue": ["av.", "av", "Av.", "Av"],
    "Boulevard": ["bd", "Bd", "bd.", "boul.", "Boul."],
    "Chaussée": ["ch.", "Ch.", "chée", "Chée", "chaus.", "Chaus."],
    "Place": ["pl.", "Pl."],
    "Square": ["sq.", "Sq."],
    "Rue": ["r.", "R."],
}
NL_SUF_ABBR = {
    "straat": ["str.", "str"],
    "laan": ["ln", "ln."],
    "steenweg": ["stwg", "stwg."],
    "plein": ["pln", "pln."],
}


def abbreviate(name, lang):
    """Return (new_name, list_of_applied) with at least one abbreviation, or (name, [])."""
    options = []
    if lang == "fr":
        first = name.split(" ", 1)[0]
        if first in FR_TYPE_ABBR and " " in name and (first != "Rue" or rng.random() < 0.5):
            options.append("type")
        if re.search(r"\bSainte?\b", name):
            options.append("saint")
    else:
        for suf in NL_SUF_ABBR:
            if re.search(suf + r"\b", name, flags=re.I):
                options.append("suffix")
                break
        if re.search(r"\bSint\b", name):
            options.append("sint")
    if not options:
        return name, []
    chosen = [o for o in options if rng.random() < 0.7] or [rng.choice(options)]
    out = name
    applied = []
    for o in chosen:
        if o == "type":
            first, rest = out.split(" ", 1)
            ab = rng.choice(FR_TYPE_ABBR[first])
            out = ab + " " + rest
            applied.append(first + "->" + ab)
        elif o == "saint":
            out = re.sub(r"\bSainte\b", "Ste", out)
            out = re.sub(r"\bSaint\b", "St", out)
            applied.append("Saint->St")
        elif o == "suffix":
            # abbreviate the last occurrence of a known suffix (compound or stand-alone)
            for suf, abbrs in NL_SUF_ABBR.items():
                m = None
                for m2 in re.finditer(r"(" + suf + r")\b", out, flags=re.I):
                    m = m2
                if m:
                    ab = rng.choice(abbrs)
                    if m.group(1)[0].isupper():
                        ab = ab[0].upper() + ab[1:]
                    out = out[:m.start()] + ab + out[m.end():]
                    applied.append(suf + "->" + ab)
                    break
        elif o == "sint":
            out = re.sub(r"\bSint\b", "St", out)
            applied.append("Sint->St")
    return out, applied


def expand_for_check(s):
    """Rough inverse of the abbreviations, used only for the self-check below."""
    t = " " + norm(s) + " "
    rep = [(" av ", " avenue "), (" ave ", " avenue "), (" bd ", " boulevard "),
           (" boul ", " boulevard "), (" ch ", " chaussee "), (" chee ", " chaussee "),
           (" chaus ", " chaussee "), (" pl ", " place "), (" sq ", " square "),
           (" r ", " rue "), (" st ", " saint "), (" ste ", " sainte ")]
    for a, b in rep:
        t = t.replace(a, b)
    return t.strip()


def commune_abbr(c):
    c2 = re.sub(r"\bSainte\b", "Ste", c)
    c2 = re.sub(r"\bSaint\b", "St", c2)
    c2 = re.sub(r"\bSint\b", "St", c2)
    return c2


# ---------------------------------------------------------------- numbers
def house_number():
    x = rng.random()
    n = int(rng.triangular(1, 250, 20))
    if x < 0.72:
        return str(n), "plain"
    if x < 0.88:
        return str(n) + rng.choice("ABCabc"), "letter"
    m = n + rng.choice([2, 2, 4, 6])
    return f"{n}-{m}", "range"


# ---------------------------------------------------------------- main
sample = rng.sample(keys, N)
langs = ["fr"] * (N // 2) + ["nl"] * (N - N // 2)
rng.shuffle(langs)
typo_rows = set(rng.sample(range(N), round(N / 3)))

FR_TYPE_WORDS = set(FR_TYPES)

out_rows = []
stats = collections.Counter()
for idx, k in enumerate(sample):
    pc, nis, cfr, cnl, sfr, snl = k
    lang = langs[idx]
    name = sfr if lang == "fr" else snl

    # ---- location: postcode / commune / both
    x = rng.random()
    loc = "pc" if x < 0.62 else ("commune" if x < 0.82 else "both")
    # make sure the chosen location info leaves exactly one answer
    def unique(loc_):
        return matches(norm(name), k, loc_) == {expected(k)}
    if loc == "commune":
        ok = unique("commune")
        if nis == "21004":  # "Bruxelles" alone is read as the region by many
            ok = ok and len(region[norm(name)]) == 1
        if not ok:
            loc = "pc"
    if loc == "pc" and not unique("pc"):
        loc = "both"
    if not unique(loc):
        print("cannot disambiguate", k, file=sys.stderr)
        continue

    # ---- typo (one edit in the distinctive part of the name)
    typo_kind = None
    typed_name = name
    if idx in typo_rows:
        for _ in range(30):
            t, kind = make_typo(name, lang)
            if t and typo_is_safe(t, k, loc):
                typed_name, typo_kind = t, kind
                break

    # ---- abbreviations
    abbr_applied = []
    if rng.random() < 0.45:
        typed_name, abbr_applied = abbreviate(typed_name, lang)

    # ---- number
    has_num = rng.random() < 0.70
    num, numkind = house_number() if has_num else (None, None)

    # ---- commune text
    if rng.random() < 0.8:
        commune = cfr if lang == "fr" else cnl
    else:
        commune = cnl if lang == "fr" else cfr
    if abbr_applied and rng.random() < 0.6:
        commune = commune_abbr(commune)

    # ---- assemble
    where_parts = []
    if loc == "pc":
        where = pc
    elif loc == "commune":
        where = commune
    else:
        where = rng.choice([f"{pc} {commune}", f"{pc} {commune}", f"{pc}  {commune}",
                            f"{pc}-{commune}"])
    sep = rng.choice([", ", ", ", " ", " - ", ",", " , ", "  "])
    if has_num:
        number_first = lang == "fr" and rng.random() < 0.3
        if number_first:
            # "12 rue X 1030" / "12, rue X, 1030"
            nm = typed_name
            first = nm.split(" ", 1)[0]
            if first in FR_TYPE_WORDS or first.lower() in FR_TYPE_WORDS:
                nm = first.lower() + nm[len(first):]
            elif rng.random() < 0.5:
                nm = nm[0].lower() + nm[1:]
            nsep = rng.choice([" ", ", "])
            typed = f"{num}{nsep}{nm}{sep}{where}"
        else:
            nsep = rng.choice([" ", " ", " ", ", ", " n° ", "  "]) if lang == "fr" \
                else rng.choice([" ", " ", " ", ", ", "  "])
            typed = f"{typed_name}{nsep}{num}{sep}{where}"
    else:
        typed = f"{typed_name}{sep}{where}"

    # ---- accents / case
    no_acc = False
    if rng.random() < 0.45:
        t2 = strip_accents(typed)
        if t2 != typed:
            no_acc = True
        typed = t2
    y = rng.random()
    case = "caps" if y < 0.12 else ("lower" if y < 0.27 else "natural")
    if case == "caps":
        typed = typed.upper()
    elif case == "lower":
        typed = typed.lower()

    # ---- self-checks
    assert pc in typed or loc == "commune"
    if loc in ("pc", "both"):
        assert re.search(r"(?<!\d)" + pc + r"(?!\d)", typed)
    if typo_kind is None:
        # without typo, the expanded typed name must match the expected street exactly
        body = expand_for_check(typed_name)
        targets = {expand_for_check(sfr), expand_for_check(snl), norm(sfr), norm(snl)}
        if lang == "nl":
            body = norm(name)  # suffix abbreviations are not reversed here
        assert body in targets, (typed_name, sfr, snl)

    rid = f"geo-{len(out_rows) + 1:03d}"
    out_rows.append([rid, typed, pc, nis, sfr, snl])
    stats["rows"] += 1
    stats["lang_" + lang] += 1
    stats["with_number" if has_num else "without_number"] += 1
    if numkind:
        stats["number_" + numkind] += 1
    stats["loc_" + loc] += 1
    if abbr_applied:
        stats["abbreviated"] += 1
    if no_acc:
        stats["accents_removed"] += 1
    stats["case_" + case] += 1
    if typo_kind:
        stats["typo"] += 1
        stats["typo_" + typo_kind] += 1

with open(OUT, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "typed", "postcode", "nis", "street_fr", "street_nl"])
    w.writerows(out_rows)

for key in sorted(stats):
    print(key, stats[key])
print("communes", len({r[3] for r in out_rows}))
