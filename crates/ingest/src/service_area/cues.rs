//! The words that say a sentence is about whom a service serves, or about something else
//! (where it is, who funds it), in French, Dutch and English; folded.

/// What a cue word does to the place names that follow it in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Residence or area: the names that follow are served (`habitants`, `werkingsgebied`).
    Serves,
    /// A restriction that only counts when nothing else was said (`uniquement`, `enkel`).
    Only,
    /// The names that follow are left out (`sauf`, `behalve`).
    Except,
    /// The names that follow are not an area: an address, a venue, a partner, a funder.
    Other,
    /// A negation that widens (`pas seulement`, `niet enkel`): only the Region counts after.
    Widen,
    /// The sentence refuses the names it gave (`… ne sont pas pris en charge`).
    Refuses,
}

/// Cue phrases, folded, longest first within each list is not required: the reader tries
/// three-word, two-word then one-word phrases at each position.
const SERVES: &[&str] = &[
    "habitant",
    "habitants",
    "habitante",
    "habitantes",
    "habitent",
    "habite",
    "habitant a",
    "resident",
    "residents",
    "residant",
    "residants",
    "residente",
    "residentes",
    "domicilie",
    "domicilies",
    "domiciliee",
    "domiciliees",
    "domicile",
    "domiciliation",
    "vivant",
    "vivent",
    "population",
    "zone",
    "zones",
    "territoire",
    "secteur",
    "dessert",
    "desservons",
    "desservent",
    "desservir",
    "couvre",
    "couvrons",
    "couvrent",
    "rayon d action",
    "champ d action",
    "intervient",
    "intervenons",
    "interviennent",
    "intervention",
    "interventions",
    "inwoner",
    "inwoners",
    "inwoonster",
    "bewoner",
    "bewoners",
    "woonachtig",
    "woont",
    "wonen",
    "wonende",
    "gedomicilieerd",
    "gedomicilieerden",
    "domicilie hebben",
    "werkingsgebied",
    "werkgebied",
    "werkingsterrein",
    "actiegebied",
    "gebied",
    "regio",
    "bedient",
    "bedienen",
    "residents of",
    "inhabitants",
    "living in",
    "people living",
    "code postal",
    "codes postaux",
    "postcode",
    "postcodes",
    "s adresse",
    "s adressent",
    "richt zich",
    "richten zich",
    "voor mensen uit",
    "afkomstig uit",
    "originaires",
];

const ONLY: &[&str] = &[
    "uniquement",
    "exclusivement",
    "reserve",
    "reserves",
    "reservee",
    "reservees",
    "destine",
    "destines",
    "destinee",
    "destinees",
    "seulement",
    "limite",
    "limitee",
    "accessible",
    "ouvert",
    "ouverte",
    "actif",
    "active",
    "actifs",
    "actives",
    "enkel",
    "alleen",
    "uitsluitend",
    "voorbehouden",
    "bestemd",
    "beperkt",
    "toegankelijk",
    "actief",
    "werkzaam",
    "only",
    "publiek",
    "public",
    "doelgroep",
    "doelpubliek",
    "uit",
];

const EXCEPT: &[&str] = &[
    "sauf",
    "excepte",
    "exceptes",
    "hormis",
    "exception",
    "a l exception",
    "hors",
    "en dehors",
    "pas pour",
    "pas aux",
    "pas les",
    "ne dessert pas",
    "ne desservons pas",
    "non domicilies",
    "behalve",
    "uitgezonderd",
    "uitzondering",
    "niet voor",
    "niet in",
    "niet de",
    "geen inwoners",
    "except",
    "excluding",
];

const OTHER: &[&str] = &[
    // Where it is, and how to get there.
    "situe",
    "situee",
    "situes",
    "situees",
    "se trouve",
    "se trouvent",
    "installe",
    "installes",
    "adresse",
    "adresses",
    "siege",
    "bureau",
    "bureaux",
    "locaux",
    "antenne",
    "antennes",
    "permanence",
    "permanences",
    "consultation",
    "consultations",
    "rendez vous",
    "gelegen",
    "bevindt",
    "bevinden",
    "gevestigd",
    "adres",
    "kantoor",
    "kantoren",
    "zetel",
    "spreekuur",
    "spreekuren",
    "zitdag",
    "zitdagen",
    "consult",
    "afspraak",
    "metro",
    "tram",
    "bus",
    "gare",
    "station",
    "pres",
    "proche",
    "vlakbij",
    "dichtbij",
    "buurt van",
    "fonde",
    "opgericht",
    "located",
    // Partners and funders.
    "collaboration",
    "partenariat",
    "partenaire",
    "partenaires",
    "avec le",
    "avec la",
    "avec les",
    "samenwerking",
    "partner",
    "partners",
    "met het",
    "met de",
    "subsidie",
    "subsidies",
    "subside",
    "subsides",
    "subventionne",
    "finance",
    "financee",
    "agree",
    "agreee",
    "agrement",
    "reconnu",
    "reconnue",
    "soutien",
    "soutenu",
    "erkend",
    "erkenning",
    "gesubsidieerd",
    "gefinancierd",
    "steun",
    "cocof",
    "cocom",
    "vgc",
    "ggc",
];

const WIDEN: &[&str] = &[
    "pas seulement",
    "pas uniquement",
    "non seulement",
    "pas limite",
    "pas reserve",
    "niet enkel",
    "niet alleen",
    "niet uitsluitend",
    "niet beperkt",
    "not only",
];

const REFUSES: &[&str] = &[
    "pas pris en charge",
    "pas acceptes",
    "pas admis",
    "pas desservis",
    "pas accueillis",
    "pas aides",
    "plus pris en charge",
    "niet geholpen",
    "niet aanvaard",
    "niet bediend",
    "niet toegelaten",
    "niet opgevangen",
    "niet terecht",
    "niet ingeschreven",
];

/// Region-wide phrases beyond the Region's names (`toute la region`, `alle brusselaars`).
pub const REGION: &[&str] = &[
    "toute la region",
    "region bruxelloise",
    "ensemble de la region",
    "19 communes",
    "dix neuf communes",
    "bruxellois",
    "bruxelloise",
    "bruxelloises",
    "tout bruxelles",
    "toute la belgique",
    "tout le pays",
    "belgique",
    "national",
    "nationale",
    "brussels gewest",
    "brusselse gewest",
    "brussels hoofdstedelijk gewest",
    "heel brussel",
    "gans brussel",
    "brusselaars",
    "brusselaar",
    "19 gemeenten",
    "negentien gemeenten",
    "brusselse gemeenten",
    "heel belgie",
    "belgie",
    "nationaal",
    "gewestelijk",
    "gewestelijke",
    "regionale werking",
    "whole region",
    "all of brussels",
];

/// Phrases for the service's own commune when no name follows (`la commune`, `de gemeente`).
pub const OWN_COMMUNE: &[&str] = &[
    "la commune",
    "notre commune",
    "territoire communal",
    "de gemeente",
    "onze gemeente",
    "the municipality",
];

/// Phrases for the service's own quartier (`habitants du quartier`, `uit de wijk`).
pub const OWN_QUARTIER: &[&str] = &[
    "du quartier",
    "notre quartier",
    "uit de wijk",
    "uit de buurt",
    "onze wijk",
    "van de wijk",
];

/// The cue a folded phrase is, if any.
pub fn cue(phrase: &str) -> Option<Cue> {
    let lists = [
        (REFUSES, Cue::Refuses),
        (WIDEN, Cue::Widen),
        (OTHER, Cue::Other),
        (EXCEPT, Cue::Except),
        (SERVES, Cue::Serves),
        (ONLY, Cue::Only),
    ];
    lists
        .iter()
        .find(|(list, _)| list.contains(&phrase))
        .map(|(_, cue)| *cue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_phrase_has_two_meanings() {
        let all = [
            SERVES,
            ONLY,
            EXCEPT,
            OTHER,
            WIDEN,
            REFUSES,
            REGION,
            OWN_COMMUNE,
            OWN_QUARTIER,
        ]
        .concat();
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "a phrase is listed twice");
        assert!(all
            .iter()
            .all(|phrase| orienta_text::fold(phrase) == *phrase));
    }
}
