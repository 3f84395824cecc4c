#!/usr/bin/env python3
"""Generate the held-out "letters" test set for the Brussels address lookup.

Written blind: the only input is data/geo/brussels_streets.csv (BeST street
names of the Brussels-Capital Region).  Standard library only; fully
deterministic (random.Random(77031)).

Writes, next to this script:
  addresses_blind.csv  id,typed,postcode,nis,street_fr,street_nl
  README.md            description + ingredient counts

Usage:  python3 tests/geocoding/letters_heldout/generate.py
"""

import collections
import csv
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SOURCE = os.path.join(ROOT, "data", "geo", "brussels_streets.csv")
OUT_CSV = os.path.join(HERE, "addresses_blind.csv")
OUT_README = os.path.join(HERE, "README.md")

SEED = 77031
N_ROWS = 150
BRUSSELS_NIS = "21004"

rng = random.Random(SEED)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def norm(s):
    s = strip_accents(s).lower()
    s = re.sub(r"[-'\u2019.,/()]", " ", s)
    return " ".join(s.split())


def pick(seq):
    return rng.choice(seq)


# --------------------------------------------------------------------------
# load the source
# --------------------------------------------------------------------------

def load():
    with open(SOURCE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    streets = set()
    for r in rows:
        fr, nl = r["street_fr"].strip(), r["street_nl"].strip()
        if not fr or not nl:
            continue
        streets.add((r["postcode"], r["nis_commune"], r["commune_fr"],
                     r["commune_nl"], r["street_fr"], r["street_nl"]))
    return sorted(streets)


STREETS = load()
COMMUNES = {}
for s in STREETS:
    COMMUNES[s[1]] = (s[2], s[3])

# name key -> set of street tuples (FR and NL names both indexed)
BY_KEY = collections.defaultdict(set)
for s in STREETS:
    BY_KEY[norm(s[4])].add(s)
    BY_KEY[norm(s[5])].add(s)


def unique_with_postcode(st, name):
    """(postcode, name) alone designates exactly this street."""
    return {x for x in BY_KEY[norm(name)] if x[0] == st[0]} == {st}


def unique_with_commune(st, name):
    """The commune name alone (no postcode) designates exactly this street.
    Bruxelles/Brussel: only when the name is unique in the whole region."""
    if st[1] == BRUSSELS_NIS:
        return BY_KEY[norm(name)] == {st}
    return {x for x in BY_KEY[norm(name)] if x[1] == st[1]} == {st}


# --------------------------------------------------------------------------
# sampling: 150 distinct streets, uniform, all 19 communes present
# --------------------------------------------------------------------------

def sample_streets():
    all_nis = {s[1] for s in STREETS}
    while True:  # rejection sampling keeps the draw uniform given coverage
        chosen = rng.sample(STREETS, N_ROWS)
        if {s[1] for s in chosen} == all_nis:
            return chosen


# --------------------------------------------------------------------------
# vocabulary (invented)
# --------------------------------------------------------------------------

FIRST_F = ["Marie", "Fatima", "Nadia", "Sophie", "An", "Els", "Leen", "Aïcha",
           "Julie", "Anna", "Maria", "Samira", "Claire", "Hanne", "Ines",
           "Françoise", "Zeynep", "Agnieszka", "Mireille", "Chantal", "Sarah"]
FIRST_M = ["Jean", "Pierre", "Mohamed", "Jan", "Luc", "Koen", "Youssef",
           "Marc", "Philippe", "Ahmed", "Thomas", "Bart", "Karim", "Tom",
           "Olivier", "Mehmet", "Piotr", "José", "Didier", "Wim", "Amadou"]
SURNAMES = ["Dupont", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
            "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Lambert",
            "Dubois", "Leroy", "Vandenberghe", "El Amrani", "Benali",
            "Bouzid", "Yilmaz", "Öztürk", "Kowalski", "Nowak", "Popescu",
            "Da Silva", "Ferreira", "Rossi", "Diallo", "Mukendi", "Kabongo",
            "Nguyen", "Van Damme", "Vermeulen", "Lejeune", "Hermans",
            "Desmet", "Renard", "Lemaire", "Aksoy", "Tshibangu", "Verhaegen"]

ORG_WORDS = ["Horizon", "Atlas", "Le Phare", "Lumen", "Entre-Nous",
             "Papillon", "De Brug", "Het Anker", "Samen", "Kompas",
             "Arc-en-Ciel", "La Passerelle", "De Sleutel", "Nova", "Oasis"]

ORGS = {
    "fr": ["Maison médicale {w}", "ASBL {w}", "asbl {w}", "Cabinet du Dr {s}",
           "Résidence {w}", "SRL {w}", "Centre de santé mentale {w}",
           "Service d'aide à domicile {w}", "Cabinet d'avocats {s} & {s2}",
           "Crèche {w}"],
    "nl": ["Wijkgezondheidscentrum {w}", "vzw {w}", "VZW {w}",
           "Huisartsenpraktijk {s}", "WZC {w}", "BV {w}",
           "Lokaal Dienstencentrum {w}", "Advocatenkantoor {s} & {s2}",
           "Kinderdagverblijf {w}", "Thuiszorg {w}"],
}

FUNCTIONS = {
    "fr": ["Assistante sociale", "Assistant social", "Médecin généraliste",
           "Infirmière à domicile", "Coordinatrice", "Secrétariat",
           "Accueil", "Kinésithérapeute", "Responsable administratif"],
    "nl": ["Maatschappelijk werker", "Huisarts", "Thuisverpleegkundige",
           "Coördinator", "Onthaal", "Secretariaat", "Kinesitherapeut",
           "Administratief medewerker"],
}

CPAS_FR = {
    "21001": "CPAS d'Anderlecht", "21002": "CPAS d'Auderghem",
    "21003": "CPAS de Berchem-Sainte-Agathe",
    "21004": "CPAS de la Ville de Bruxelles", "21005": "CPAS d'Etterbeek",
    "21006": "CPAS d'Evere", "21007": "CPAS de Forest",
    "21008": "CPAS de Ganshoren", "21009": "CPAS d'Ixelles",
    "21010": "CPAS de Jette", "21011": "CPAS de Koekelberg",
    "21012": "CPAS de Molenbeek-Saint-Jean", "21013": "CPAS de Saint-Gilles",
    "21014": "CPAS de Saint-Josse-ten-Noode", "21015": "CPAS de Schaerbeek",
    "21016": "CPAS d'Uccle", "21017": "CPAS de Watermael-Boitsfort",
    "21018": "CPAS de Woluwe-Saint-Lambert",
    "21019": "CPAS de Woluwe-Saint-Pierre",
}

COMMUNE_ABBREV = {
    "21003": (["Berchem-Ste-Agathe", "Berchem-St-Agathe", "Berchem"],
              ["St-Agatha-Berchem", "Sint-Agatha-Berchem", "Berchem"]),
    "21004": (["Bruxelles-Ville", "Bxl", "BXL", "Brux."],
              ["Brussel-Stad", "Bxl", "Brussel Stad"]),
    "21012": (["Molenbeek", "Molenbeek-St-Jean", "Molenbeek St Jean"],
              ["Molenbeek", "St-Jans-Molenbeek"]),
    "21013": (["St-Gilles", "St Gilles", "St-Gilles (Bxl)"],
              ["St-Gillis", "St-Gillis (Brussel)"]),
    "21014": (["St-Josse", "Saint-Josse", "St-Josse-ten-Noode"],
              ["Sint-Joost", "St-Joost-ten-Node", "St-Joost"]),
    "21017": (["Boitsfort", "Watermael", "W-Boitsfort"],
              ["Bosvoorde", "Watermaal-Bosv."]),
    "21018": (["Woluwe-St-Lambert", "WSL", "Woluwe St Lambert"],
              ["St-Lambrechts-Woluwe", "Sint-Lambrechts-Woluwe"]),
    "21019": (["Woluwe-St-Pierre", "WSP", "Woluwe St Pierre"],
              ["St-Pieters-Woluwe", "Sint-Pieters-Woluwe"]),
    "21009": (["Ixelles (Bxl)", "Ixelles-Bruxelles"], ["Elsene (Brussel)"]),
    "21015": (["Schaerbeek (Bxl)", "Schaerbeek-Bruxelles"],
              ["Schaarbeek (Brussel)"]),
}

SUBLOC = {
    "1020": {"fr": ["Laeken", "Bruxelles (Laeken)", "Laeken (Bruxelles)",
                    "Bruxelles-Laeken"],
             "nl": ["Laken", "Brussel (Laken)", "Brussel-Laken"],
             "short": {"fr": ["Laeken"], "nl": ["Laken"]}},
    "1120": {"fr": ["Neder-Over-Heembeek", "Bruxelles (Neder-Over-Heembeek)",
                    "N-O-H", "Neder-over-Heembeek"],
             "nl": ["Neder-Over-Heembeek", "Brussel (Neder-Over-Heembeek)",
                    "NOH"],
             "short": {"fr": ["Neder-Over-Heembeek"],
                       "nl": ["Neder-Over-Heembeek"]}},
    "1130": {"fr": ["Haren", "Bruxelles (Haren)", "Haren (Bruxelles)"],
             "nl": ["Haren", "Brussel (Haren)", "Brussel-Haren"],
             "short": {"fr": ["Haren"], "nl": ["Haren"]}},
}

FR_TYPES = {"Rue", "Avenue", "Place", "Clos", "Square", "Boulevard",
            "Chaussée", "Drève", "Chemin", "Quai", "Allée", "Impasse",
            "Venelle", "Galerie", "Parvis", "Cité", "Passage", "Rond-Point",
            "Cours", "Route", "Esplanade", "Carrefour", "Sentier",
            "Promenade", "Rampe", "Petite", "Allées"}

FR_TYPE_ABBR = {"Avenue": ["Av.", "Av", "Av."], "Boulevard": ["Bd", "Bd.", "Bld", "Boul."],
                "Chaussée": ["Chée", "Chée.", "Chaus."], "Place": ["Pl.", "Pl"],
                "Square": ["Sq.", "Sq"]}


def type_abbrev_options(name, lang):
    """Possible real-world abbreviations of the street type / Saint."""
    opts = []
    if lang == "fr":
        first, _, rest = name.partition(" ")
        if first in FR_TYPE_ABBR and rest:
            for a in FR_TYPE_ABBR[first]:
                opts.append(a + " " + rest)
        if re.search(r"\bSainte-", name):
            opts.append(re.sub(r"\bSainte-", "Ste-", name))
        elif re.search(r"\bSaint-", name):
            opts.append(re.sub(r"\bSaint-", "St-", name))
    else:
        last = name.split(" ")[-1]
        if last.endswith("straat") and len(last) > 8:
            opts.append(name[:-len("straat")] + pick(["str.", "str"]))
        if last.endswith("steenweg") and len(last) > 10:
            opts.append(name[:-len("steenweg")] + pick(["stwg", "stwg.", "stwg"]))
        if re.search(r"\bSint-", name):
            opts.append(re.sub(r"\bSint-", "St-", name))
    return opts


# --------------------------------------------------------------------------
# ingredients
# --------------------------------------------------------------------------

ING_WEIGHTS = {
    # house number forms
    "num_letter": 1.0, "num_range": 0.7, "box_slash": 1.2, "box_word": 1.5,
    "num_before_street": 0.8, "no_number": 0.5,
    # inside the building
    "floor": 1.0, "flat": 1.0, "doorbell": 0.8, "entrance_note": 0.8,
    # country / postcode forms
    "country": 1.0, "b_prefix": 1.0, "postcode_after_commune": 0.5,
    "commune_only_no_postcode": 1.0, "postcode_only_no_commune": 1.2,
    # who
    "recipient": 1.2, "c_o_attention": 0.9, "organisation": 0.9,
    # commune naming
    "commune_before_street": 0.8, "commune_bilingual": 0.8,
    "commune_other_language": 0.8, "commune_abbreviated": 0.8,
    "sub_locality": 3.0,
    # separators replacing line breaks (comma is the default)
    "sep_slash": 0.8, "sep_dash": 0.8, "sep_double_space": 0.8,
    "sep_semicolon": 0.4, "sep_pipe": 0.4,
    # case / accents / street type spelling
    "upper_case": 0.8, "lower_case": 0.6, "no_accents": 2.2,
    "type_lowercase": 0.6, "type_abbreviated": 1.0,
    # document context
    "text_message": 0.6, "label_prefix": 0.7, "email_signature": 0.6,
    "cpas_dossier": 0.6, "patient_file_dob": 0.5,
}

GROUPS = [
    {"num_letter", "num_range"},
    {"box_slash", "box_word"},
    {"sep_slash", "sep_dash", "sep_double_space", "sep_semicolon", "sep_pipe"},
    {"upper_case", "lower_case"},
    {"commune_only_no_postcode", "postcode_only_no_commune"},
    {"commune_bilingual", "commune_other_language", "commune_abbreviated",
     "sub_locality"},
    {"text_message", "label_prefix", "email_signature", "cpas_dossier"},
    {"text_message", "email_signature", "cpas_dossier", "patient_file_dob"},
]

CONFLICTS = [
    ("no_number", "num_letter"), ("no_number", "num_range"),
    ("no_number", "box_slash"), ("no_number", "box_word"),
    ("no_number", "num_before_street"), ("no_number", "floor"),
    ("no_number", "flat"), ("no_number", "doorbell"),
    ("commune_only_no_postcode", "b_prefix"),
    ("commune_only_no_postcode", "postcode_after_commune"),
    ("commune_only_no_postcode", "commune_abbreviated"),
    ("postcode_only_no_commune", "commune_before_street"),
    ("postcode_only_no_commune", "commune_bilingual"),
    ("postcode_only_no_commune", "commune_other_language"),
    ("postcode_only_no_commune", "commune_abbreviated"),
    ("postcode_only_no_commune", "sub_locality"),
    ("postcode_only_no_commune", "postcode_after_commune"),
    ("postcode_only_no_commune", "cpas_dossier"),
    ("b_prefix", "postcode_after_commune"),
    ("type_lowercase", "upper_case"), ("type_lowercase", "lower_case"),
    ("text_message", "recipient"), ("text_message", "organisation"),
    ("text_message", "c_o_attention"),
    ("text_message", "sep_slash"), ("text_message", "sep_dash"),
    ("text_message", "sep_double_space"), ("text_message", "sep_semicolon"),
    ("text_message", "sep_pipe"),
    ("cpas_dossier", "recipient"), ("cpas_dossier", "organisation"),
    ("cpas_dossier", "c_o_attention"),
    ("email_signature", "recipient"), ("email_signature", "c_o_attention"),
    ("patient_file_dob", "recipient"), ("patient_file_dob", "organisation"),
]


def compatible(a, chosen):
    for b in chosen:
        if a == b:
            return False
        for g in GROUPS:
            if a in g and b in g:
                return False
        if (a, b) in CONFLICTS or (b, a) in CONFLICTS:
            return False
    return True


def eligible(ing, st, lang, name):
    cfr, cnl = COMMUNES[st[1]]
    if ing == "num_before_street":
        return lang == "fr"
    if ing == "commune_only_no_postcode":
        return unique_with_commune(st, name)
    if ing == "postcode_only_no_commune":
        return unique_with_postcode(st, name)
    if ing in ("commune_bilingual", "commune_other_language"):
        return cfr != cnl
    if ing == "commune_abbreviated":
        return st[1] in COMMUNE_ABBREV
    if ing == "sub_locality":
        return st[0] in SUBLOC
    if ing == "no_accents":
        commune = cfr if lang == "fr" else cnl
        return (strip_accents(name) != name
                or strip_accents(commune) != commune)
    if ing == "type_lowercase":
        return lang == "fr" and name.split(" ")[0] in FR_TYPES
    if ing == "type_abbreviated":
        return bool(type_abbrev_options(name, lang))
    return True


def choose_ingredients(st, lang, name):
    k = rng.choices([1, 2, 3, 4], weights=[20, 35, 30, 15])[0]
    chosen = []
    # sub-localities are rare in a uniform sample: use them for most
    # 1020/1120/1130 streets
    if st[0] in SUBLOC and rng.random() < 0.6:
        chosen.append("sub_locality")
    names = sorted(ING_WEIGHTS)
    while len(chosen) < k:
        cands = [i for i in names
                 if eligible(i, st, lang, name) and compatible(i, chosen)]
        if not cands:
            break
        chosen.append(rng.choices(cands,
                                  weights=[ING_WEIGHTS[i] for i in cands])[0])
    return chosen


# --------------------------------------------------------------------------
# pieces
# --------------------------------------------------------------------------

def person(wl, with_title=True, caps_surname=False):
    fem = rng.random() < 0.5
    first = pick(FIRST_F if fem else FIRST_M)
    sur = pick(SURNAMES)
    if caps_surname:
        return "%s %s" % (sur.upper(), first)
    if not with_title:
        return "%s %s" % (first, sur)
    if wl == "fr":
        r = rng.random()
        if r < 0.12:
            return pick(["Monsieur et Madame", "M. et Mme", "Famille", "Fam."]) + " " + sur
        if r < 0.22:
            return pick(["Dr", "Dr.", "Docteur", "Me"]) + " " + first + " " + sur
        t = pick(["Madame", "Mme", "Mme."]) if fem else pick(["Monsieur", "M.", "Mr"])
        return t + " " + pick([first + " " + sur, sur.upper() + " " + first, sur])
    r = rng.random()
    if r < 0.12:
        return pick(["De heer en mevrouw", "Dhr. en Mevr.", "Familie", "Fam."]) + " " + sur
    if r < 0.22:
        return pick(["Dr.", "Dokter", "Mr."]) + " " + first + " " + sur
    t = pick(["Mevrouw", "Mevr.", "Mw."]) if fem else pick(["De heer", "Dhr.", "Dhr"])
    return t + " " + pick([first + " " + sur, sur.upper() + " " + first, sur])


def organisation(wl):
    w = pick(ORG_WORDS)
    s = pick(SURNAMES)
    s2 = pick([x for x in SURNAMES if x != s])
    return pick(ORGS[wl]).format(w=w, s=s, s2=s2)


def c_o_phrase(wl, after_org):
    name = person(wl)
    if after_org:
        if wl == "fr":
            return pick(["à l'attention de", "À l'attention de", "A l'att. de",
                         "à l'att. de", "Att.", "Attn:"]) + " " + name
        return pick(["t.a.v.", "T.a.v.", "ter attentie van", "Attn:"]) + " " + name
    if wl == "fr":
        return pick(["c/o", "C/O", "p/a", "chez", "aux bons soins de"]) + " " + name
    return pick(["p/a", "P/a", "c/o", "per adres", "bij"]) + " " + name


def house_number():
    r = rng.random()
    if r < 0.7:
        return rng.randint(1, 99)
    if r < 0.95:
        return rng.randint(100, 299)
    return rng.randint(300, 640)


def box_value():
    r = rng.random()
    if r < 0.6:
        return str(rng.randint(1, 24))
    if r < 0.8:
        return pick(["A", "B", "C", "D", "a", "b"])
    return pick(["0%d" % rng.randint(1, 9), "%d%s" % (rng.randint(1, 6), pick("ABCD")),
                 "%d.%d" % (rng.randint(0, 5), rng.randint(1, 4)),
                 "%03d" % rng.randint(1, 60)])


def number_part(chosen, wl):
    n = house_number()
    if "num_letter" in chosen:
        num = pick(["%d%s" % (n, pick("ABCDab")), "%d %s" % (n, pick("ABC")),
                    "%dbis" % n, "%d bis" % n, "%d ter" % n, "%dB" % n])
    elif "num_range" in chosen:
        m = n + pick([2, 2, 2, 4])
        num = pick(["%d-%d" % (n, m), "%d - %d" % (n, m), "%d-%d" % (n, m)])
        if wl == "fr" and rng.random() < 0.2:
            num = "%d à %d" % (n, m)
    else:
        num = str(n)
    if "box_slash" in chosen:
        num = pick(["%s/%s", "%s/%s", "%s / %s", "%s/ %s"]) % (num, box_value())
    elif "box_word" in chosen:
        if wl == "fr":
            w = pick(["bte", "bte", "Bte", "bte.", "boîte", "bt", "b.", "Bte/Bus"])
        else:
            w = pick(["bus", "bus", "Bus", "bs", "b.", "bus/bte"])
        num = pick(["%s %s %s", "%s %s %s", "%s, %s %s"]) % (num, w, box_value())
    return num


def floor_phrase(wl):
    f = rng.randint(1, 9)
    if wl == "fr":
        if rng.random() < 0.2:
            return pick(["rez-de-chaussée", "rez", "RDC", "Rez-de-ch."])
        o = "1er" if f == 1 else pick(["%de", "%dème", "%dème"]) % f
        return pick(["%s étage" % o, "%s ét." % o, "au %s étage" % o,
                     "étage %d" % f])
    if rng.random() < 0.2:
        return pick(["gelijkvloers", "Gelijkvloers", "glvl."])
    o = "%d%s" % (f, pick(["e", "de", "ste" if f in (1, 8) else "de"]))
    return pick(["%s verdieping" % o, "%s verd." % o, "verdieping %d" % f])


def flat_phrase(wl):
    v = pick([str(rng.randint(1, 40)), "%d%s" % (rng.randint(1, 8), pick("ABCD")),
              pick("ABCDEF")])
    if wl == "fr":
        return pick(["appt %s", "app. %s", "Appartement %s", "apt %s", "Appt. %s",
                     "studio %s", "flat %s"]) % v
    return pick(["app. %s", "appartement %s", "flat %s", "studio %s", "App %s"]) % v


def doorbell_phrase(wl):
    s = pick(SURNAMES)
    if wl == "fr":
        return pick(["sonnette %s" % s, "sonner chez %s" % s,
                     "sonnette n° %d" % rng.randint(1, 12),
                     "%de sonnette" % rng.randint(2, 6), "sonner 2x",
                     "sonnette du haut"])
    return pick(["bel %s" % s, "bellen bij %s" % s, "bel nr. %d" % rng.randint(1, 12),
                 "%dde bel" % rng.randint(2, 6), "2x bellen", "bovenste bel"])


def entrance_phrase(wl):
    code = rng.randint(2000, 9999)
    if wl == "fr":
        return pick(["entrée par le garage", "porte de gauche", "entrée arrière",
                     "arrière-maison", "bâtiment B", "Bloc 2", "Tour C",
                     "au fond de la cour", "porte verte", "entrée côté jardin",
                     "code porte %d" % code, "porte vitrée à droite"])
    return pick(["ingang langs de garage", "achterhuis", "gebouw B", "blok 3",
                 "ingang links", "groene deur", "ingang via de tuin",
                 "deurcode %d" % code, "achteringang", "toren A"])


def country_word(wl):
    if wl == "fr":
        return pick(["Belgique", "BELGIQUE", "Belgium", "Belgique/België", "BE"])
    return pick(["België", "BELGIË", "Belgium", "Belgie", "België/Belgique"])


def phone():
    if rng.random() < 0.5:
        a, b, c = rng.randint(200, 899), rng.randint(10, 99), rng.randint(10, 99)
        return pick(["02 %d %02d %02d", "02/%d.%02d.%02d", "+32 2 %d %02d %02d",
                     "02/%d %02d %02d"]) % (a, b, c)
    p = "04%d%d" % (rng.randint(7, 9), rng.randint(0, 9))
    a, b, c = rng.randint(10, 99), rng.randint(10, 99), rng.randint(10, 99)
    return pick(["%s/%02d.%02d.%02d", "%s %02d %02d %02d", "%s/%02d %02d %02d"]) % (p, a, b, c)


def dob(wl):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1931, 2016)
    date = pick(["%02d/%02d/%d", "%d/%d/%d", "%02d.%02d.%d", "%02d-%02d-%d"]) % (d, m, y)
    if wl == "fr":
        return pick(["(°%s)" % date, "° %s" % date, "né(e) le %s" % date,
                     "DN %s" % date])
    return pick(["(°%s)" % date, "° %s" % date, "geb. %s" % date,
                 "geboren op %s" % date])


# --------------------------------------------------------------------------
# building one row
# --------------------------------------------------------------------------

def build(st, lang):
    pc, nis, cfr, cnl, sfr, snl = st
    name = sfr if lang == "fr" else snl
    chosen = choose_ingredients(st, lang, name)
    # wording around the address: mostly the street's language
    wl = lang if rng.random() < 0.85 else ("nl" if lang == "fr" else "fr")

    # ---- street name as written
    street = name
    if "type_abbreviated" in chosen:
        street = pick(type_abbrev_options(name, lang))
    if "type_lowercase" in chosen:
        street = street[0].lower() + street[1:]

    # ---- street line
    if "no_number" in chosen:
        street_line = street
    else:
        num = number_part(chosen, wl)
        if "num_before_street" in chosen:
            street_line = pick(["%s, %s", "%s %s", "%s, %s"]) % (num, street)
        else:
            street_line = "%s %s" % (street, num)

    # ---- locality line
    clang = lang
    if "commune_other_language" in chosen:
        clang = "nl" if lang == "fr" else "fr"
    commune = cfr if clang == "fr" else cnl
    if "sub_locality" in chosen:
        if "commune_only_no_postcode" in chosen:
            commune = pick(SUBLOC[pc]["short"][clang])
        else:
            commune = pick(SUBLOC[pc][clang])
    elif "commune_bilingual" in chosen:
        a, b = (cfr, cnl) if lang == "fr" else (cnl, cfr)
        commune = pick(["%s / %s", "%s/%s", "%s - %s", "%s – %s"]) % (a, b)
    elif "commune_abbreviated" in chosen:
        commune = pick(COMMUNE_ABBREV[nis][0 if clang == "fr" else 1])
    pcs = pc
    if "b_prefix" in chosen:
        pcs = pick(["B-%s", "B-%s", "B %s", "B%s", "BE-%s", "BE %s"]) % pc
    if "commune_only_no_postcode" in chosen:
        loc = commune
    elif "postcode_only_no_commune" in chosen:
        loc = pcs
    elif "postcode_after_commune" in chosen:
        loc = pick(["%s %s", "%s (%s)", "%s (%s)"]) % (commune, pcs)
    else:
        loc = "%s %s" % (pcs, commune)

    # ---- in-building details
    before_units, after_units = [], []
    for ing, fn in (("floor", floor_phrase), ("flat", flat_phrase),
                    ("doorbell", doorbell_phrase),
                    ("entrance_note", entrance_phrase)):
        if ing in chosen:
            p = fn(wl)
            if ing in ("flat", "entrance_note") and rng.random() < 0.35:
                before_units.append(p)
            else:
                after_units.append(p)

    addr = before_units + [street_line] + after_units
    if "commune_before_street" in chosen:
        addr = [loc] + addr
    else:
        addr = addr + [loc]
    if "country" in chosen:
        addr.append(country_word(wl))

    # ---- separator
    sep = ", "
    for ing, opts in (("sep_slash", [" / ", " / ", "/ "]),
                      ("sep_dash", [" - ", " – ", " - "]),
                      ("sep_double_space", ["  "]),
                      ("sep_semicolon", ["; ", " ; "]),
                      ("sep_pipe", [" | ", " | "])):
        if ing in chosen:
            sep = pick(opts)

    # ---- header (who / what document)
    head = []
    if "organisation" in chosen:
        head.append(organisation(wl))
    if "recipient" in chosen:
        if head and rng.random() < 0.5:
            head.insert(0, person(wl))
        else:
            head.append(person(wl))
    if "c_o_attention" in chosen:
        head.append(c_o_phrase(wl, after_org=("organisation" in chosen
                                              and "recipient" not in chosen)))
    if "patient_file_dob" in chosen:
        pat = person(wl, caps_surname=True) + " " + dob(wl)
        if "label_prefix" not in chosen and rng.random() < 0.6:
            pat = (pick(["Patient :", "Patient(e) :", "Patient:"]) if wl == "fr"
                   else pick(["Patiënt:", "Patient:", "Pt.:"])) + " " + pat
        head.insert(0, pat)

    if "label_prefix" in chosen:
        if wl == "fr":
            lab = pick(["Adresse :", "Adresse:", "Domicile :", "Adresse domicile :",
                        "Lieu de résidence :", "Adresse de contact :",
                        "Adresse/Adres :", "ADRESSE :"])
        else:
            lab = pick(["Adres:", "Adres :", "Domicilieadres:", "Verblijfadres:",
                        "Woonadres:", "Adres/Adresse:", "ADRES:"])
        addr[0] = lab + " " + addr[0]

    if "cpas_dossier" in chosen:
        yr = rng.randint(2019, 2025)
        nr = rng.randint(100, 99999)
        ccom = COMMUNES[nis][0 if wl == "fr" else 1]
        if wl == "fr":
            org = CPAS_FR[nis]
            doc = pick(["%s - Service social - Dossier n° %d/%05d",
                        "%s, dossier %d/%d", "%s - Réf. SS/%d/%d"]) % (org, yr, nr)
            who = person(wl, caps_surname=rng.random() < 0.5)
            who += pick([", domicilié(e)", ", domicilié", ", domiciliée", ","])
        else:
            org = "OCMW " + ccom
            doc = pick(["%s - Sociale dienst - dossiernr. %d/%05d",
                        "%s, dossier %d/%d", "%s - Ref. SD/%d/%d"]) % (org, yr, nr)
            who = person(wl, caps_surname=rng.random() < 0.5)
            who += pick([", wonende", ", gedomicilieerd", ", wonend te", ","])
        text = doc + sep + who + " " + sep.join(addr)
    elif "email_signature" in chosen:
        first, sur = pick(FIRST_F + FIRST_M), pick(SURNAMES)
        blocks = ["%s %s" % (first, sur), pick(FUNCTIONS[wl])]
        blocks += head
        blocks += addr
        num = phone()
        if rng.random() < 0.7:
            tel = "Tél. " if wl == "fr" else "Tel. "
        else:
            tel = "GSM " if num.startswith("04") else "T "
        blocks.append(tel + num)
        if rng.random() < 0.6:
            dom = re.sub(r"[^a-z]", "", strip_accents(pick(ORG_WORDS)).lower())
            blocks.append("%s.%s@%s.be" % (
                strip_accents(first).lower(),
                re.sub(r"[^a-z]", "", strip_accents(sur).lower()), dom))
        text = sep.join(blocks)
    elif "text_message" in chosen:
        a = sep.join(head + addr)
        if wl == "fr":
            t = pick(["Bonjour, voici mon adresse : {a}. Merci !",
                      "Mon adresse c'est {a}",
                      "Nouvelle adresse depuis ce mois-ci : {a}",
                      "Vous pouvez envoyer le courrier à {a} svp",
                      "rdv chez moi {a} vers 14h",
                      "Voici ma nouvelle adresse {a}, à bientôt"])
        else:
            t = pick(["Hoi, mijn adres is {a}. Groetjes",
                      "Nieuw adres: {a}, vanaf volgende week",
                      "Je mag het opsturen naar {a}, bedankt!",
                      "Afspraak bij mij thuis: {a} om 14u",
                      "ik woon nu op {a}"])
        text = t.format(a=a)
    else:
        text = sep.join(head + addr)

    # ---- whole-string transformations
    if "no_accents" in chosen:
        text = strip_accents(text)
    if "upper_case" in chosen:
        text = text.upper()
    elif "lower_case" in chosen:
        text = text.lower()
    return text, chosen


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main():
    picked = sample_streets()
    langs = ["fr"] * (N_ROWS // 2) + ["nl"] * (N_ROWS - N_ROWS // 2)
    rng.shuffle(langs)

    rows, tag_counts, seps = [], collections.Counter(), collections.Counter()
    n_ing = collections.Counter()
    seen = set()
    for i, (st, lang) in enumerate(zip(picked, langs), 1):
        while True:
            text, chosen = build(st, lang)
            if text not in seen:
                break
        seen.add(text)
        assert "\n" not in text and text == text.strip()
        tag_counts.update(chosen)
        n_ing[len(chosen)] += 1
        if not any(c.startswith("sep_") for c in chosen):
            seps["comma (default)"] += 1
        rows.append({"id": "lho-%03d" % i, "typed": text, "postcode": st[0],
                     "nis": st[1], "street_fr": st[4], "street_nl": st[5],
                     "_lang": lang, "_chosen": chosen})

    with open(OUT_CSV, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "typed", "postcode", "nis", "street_fr", "street_nl"])
        for r in rows:
            w.writerow([r["id"], r["typed"], r["postcode"], r["nis"],
                        r["street_fr"], r["street_nl"]])

    self_check(rows)
    write_readme(rows, tag_counts, n_ing, seps)
    print("wrote %s (%d rows)" % (OUT_CSV, len(rows)))
    print("wrote %s" % OUT_README)


def self_check(rows):
    with open(OUT_CSV, encoding="utf-8", newline="") as fh:
        back = list(csv.DictReader(fh))
    assert len(back) == N_ROWS, len(back)
    assert list(back[0].keys()) == ["id", "typed", "postcode", "nis",
                                    "street_fr", "street_nl"]
    src = {(s[0], s[1], s[4], s[5]) for s in STREETS}
    assert len({(r["postcode"], r["nis"], r["street_fr"], r["street_nl"])
                for r in back}) == N_ROWS, "streets not distinct"
    assert len({r["nis"] for r in back}) == 19
    for r, g in zip(back, rows):
        assert (r["postcode"], r["nis"], r["street_fr"], r["street_nl"]) in src
        name = g["street_fr"] if g["_lang"] == "fr" else g["street_nl"]
        if "type_abbreviated" not in g["_chosen"]:
            assert norm(name) in norm(r["typed"]), (r["id"], r["typed"])
        # unambiguity: postcode or an identifying commune must be present
        if "commune_only_no_postcode" in g["_chosen"]:
            assert unique_with_commune(
                next(s for s in STREETS if (s[0], s[1], s[4], s[5]) ==
                     (r["postcode"], r["nis"], r["street_fr"], r["street_nl"])), name)
            assert r["postcode"] not in r["typed"]
        else:
            assert r["postcode"] in r["typed"], r["id"]


def write_readme(rows, tag_counts, n_ing, seps):
    n_fr = sum(1 for r in rows if r["_lang"] == "fr")
    communes = collections.Counter(COMMUNES[r["nis"]][0] for r in rows)
    desc = {
        "num_letter": "house number with a letter or bis/ter (12A, 12 b, 12bis)",
        "num_range": "house number range (12-14, 12 à 14)",
        "box_slash": "box written with a slash (12/3, 12/B, 12 / 4)",
        "box_word": "box written as bte / boîte / bt / b. / bus / bs / bte/bus",
        "num_before_street": "number before the street (12, rue ...), French only",
        "no_number": "no house number at all",
        "floor": "floor (3e étage, rez, RDC, 2de verdieping, gelijkvloers)",
        "flat": "flat / appartement / studio",
        "doorbell": "doorbell note (sonnette X, sonner 2x, bel nr. 3, bellen bij X)",
        "entrance_note": "entrance note (arrière-maison, bâtiment B, achterhuis, deurcode ...)",
        "country": "country (Belgique, België, Belgium, BE, bilingual)",
        "b_prefix": "country prefix on the postcode (B-1000, B 1000, B1000, BE-1000)",
        "postcode_after_commune": "postcode after the commune (Jette 1090, Jette (1090))",
        "commune_only_no_postcode": "commune only, no postcode (only where the commune identifies the street; Bruxelles/Brussel and its sub-localities only when the name is unique in the region)",
        "postcode_only_no_commune": "postcode only, no commune (only where postcode + name is unique)",
        "recipient": "person before the address, with titles (M., Mme, Dhr., Mevr., Dr, Me, Famille ...)",
        "c_o_attention": "c/o, p/a, chez, aux bons soins de, à l'attention de, t.a.v., Attn",
        "organisation": "organisation (maison médicale, ASBL/vzw, cabinet, WZC, BV/SRL ...)",
        "commune_before_street": "postcode/commune written before the street",
        "commune_bilingual": "commune in both languages (Ixelles / Elsene)",
        "commune_other_language": "commune in the other language than the street",
        "commune_abbreviated": "abbreviated or colloquial commune (St-Gilles, WSL, Bxl, Molenbeek, Boitsfort)",
        "sub_locality": "Laeken/Laken, Neder-Over-Heembeek, Haren (postcodes 1020/1120/1130 only)",
        "sep_slash": "line breaks turned into slashes",
        "sep_dash": "line breaks turned into dashes",
        "sep_double_space": "line breaks turned into double spaces",
        "sep_semicolon": "line breaks turned into semicolons",
        "sep_pipe": "line breaks turned into pipes",
        "upper_case": "whole text in capitals",
        "lower_case": "whole text in lower case",
        "no_accents": "accents dropped everywhere (street and commune included)",
        "type_lowercase": "French street type in lower case (rue, avenue)",
        "type_abbreviated": "street type / saint abbreviated (Av., Bd, Chée, Pl., Sq., St-, Ste-, str., stwg)",
        "text_message": "address inside a text message / e-mail sentence",
        "label_prefix": "form label before the address (Adresse :, Domicile :, Adres:, Woonadres:)",
        "email_signature": "e-mail signature (name, function, address, phone, e-mail)",
        "cpas_dossier": "CPAS/OCMW document header with dossier number and 'domicilié(e)' / 'wonende'",
        "patient_file_dob": "patient file: SURNAME First name with date of birth (°12/03/1954)",
    }
    lines = []
    lines.append("# Held-out address set: letters (blind)\n")
    lines.append(
        "150 addresses of Brussels-Capital streets as they are really typed on "
        "letters, referral forms, e-mail signatures, patient files, text messages "
        "and CPAS/OCMW documents, with the expected street (postcode, NIS commune "
        "code, French and Dutch BeST names exactly as in the source).\n")
    lines.append("## How it was written\n")
    lines.append(
        "* Written **blind**: the author read only `data/geo/brussels_streets.csv`; "
        "no geocoder code, tests, docs or other test sets were looked at.\n"
        "* This is a **held-out** set: nobody who edits the geocoder reads its rows. "
        "A test running it must print only the share of rows answered correctly, "
        "never the rows themselves.\n"
        "* 150 distinct streets (distinct postcode + NIS + FR + NL) sampled "
        "uniformly from the source (rows with an empty FR or NL name skipped), "
        "redrawn until all 19 communes are present.\n"
        "* %d rows use the French street name, %d the Dutch one. The street name is "
        "never misspelt; only case, accents and usual abbreviations of the street "
        "type vary where listed below.\n"
        "* Every row is unambiguous: it carries the postcode, or (without postcode) a "
        "commune in which that name has a single street and postcode; for "
        "Bruxelles/Brussel (and Laeken/Neder-Over-Heembeek/Haren) the name must be "
        "unique in the whole region. When postcode + name is shared by two communes, "
        "the commune is always written.\n" % (n_fr, N_ROWS - n_fr))
    lines.append("## Files\n")
    lines.append("* `generate.py` - the generator (Python 3, standard library, `random.Random(77031)`)\n"
                 "* `addresses_blind.csv` - `id,typed,postcode,nis,street_fr,street_nl`, ids `lho-001` ... `lho-150`\n")
    lines.append("## Ingredients\n")
    lines.append("Each row carries 1 to 4 ingredients on top of the plain form "
                 "`Street number, postcode commune` (line breaks as commas).\n")
    lines.append("| ingredients per row | rows |\n|---|---|")
    for k in sorted(n_ing):
        lines.append("| %d | %d |" % (k, n_ing[k]))
    lines.append("")
    lines.append("| ingredient | rows | meaning |\n|---|---|---|")
    for ing in sorted(tag_counts, key=lambda x: (-tag_counts[x], x)):
        lines.append("| %s | %d | %s |" % (ing, tag_counts[ing], desc[ing]))
    lines.append("")
    lines.append("Rows keeping the default comma separator: %d.\n" % seps["comma (default)"])
    lines.append("Rows per commune: " + ", ".join(
        "%s %d" % (c, n) for c, n in sorted(communes.items())) + ".\n")
    lines.append("## Regenerate\n")
    lines.append("```\npython3 tests/geocoding/letters_heldout/generate.py\n```\n")
    lines.append("The script is deterministic; it re-reads the CSV it wrote and checks "
                 "150 rows, the header, 19 communes, distinct streets, that every "
                 "expected answer exists in the source and that the postcode (or an "
                 "identifying commune) is present.\n")
    with open(OUT_README, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
