//! Everyday words inside Brussels place names. The 145 quartiers and the 5 bassins are
//! named with ordinary words (`Trois Tilleuls`, `Drie Linden`, `Grand-Place`, `Gare du
//! Midi`, `Notre-Dame aux Neiges`, `Quartier Maritime`, bassin `Nord`): in a question,
//! `depuis trois mois`, `al drie jaar`, `une dame`, `une place en crèche` or `dort à la
//! gare` name no place. Such a word is a place only inside the name (next to another word
//! of a place name) or after a word that announces one (`quartier Maritime`, `wijk Noord`).

/// Folded ordinary French and Dutch words (4 letters or more: shorter ones are never read
/// as places) that occur in the names of the quartiers of the Monitoring des Quartiers and
/// of the bassins, first names included (`Saint-Pierre`, `Marie-José`).
const ORDINARY: &[&str] = &[
    "altitude",
    "aurore",
    "avenue",
    "bois",
    "boulevard",
    "centre",
    "centrum",
    "chant",
    "chasse",
    "chaussee",
    "cimetiere",
    "conscience",
    "constellations",
    "dame",
    "dauw",
    "delta",
    "domaine",
    "domein",
    "drie",
    "duchesse",
    "etangs",
    "foret",
    "fort",
    "francais",
    "frans",
    "gare",
    "globe",
    "goede",
    "grand",
    "grote",
    "haie",
    "haut",
    "historique",
    "historisch",
    "hoog",
    "hoogte",
    "hopital",
    "hospitaal",
    "hotel",
    "industrie",
    "jacht",
    "joli",
    "kerkhof",
    "koninklijk",
    "laag",
    "laan",
    "lieve",
    "linden",
    "longue",
    "lucht",
    "maritime",
    "markt",
    "midi",
    "monnaies",
    "neiges",
    "nord",
    "noord",
    "noordoost",
    "notre",
    "oiseau",
    "onze",
    "oost",
    "ouest",
    "paix",
    "parc",
    "park",
    "place",
    "poort",
    "porte",
    "quartier",
    "rosee",
    "roue",
    "royal",
    "sneeuw",
    "squares",
    "station",
    "steenweg",
    "sterrebeelden",
    "tilleuls",
    "trois",
    "universite",
    "veeartsenij",
    "veterinaire",
    "vieux",
    "vijvers",
    "villa",
    "villas",
    "vivier",
    "vrede",
    "vrouw",
    "west",
    "woeste",
    "zuid",
    "zuidoost",
    // First names in place names.
    "agatha",
    "agathe",
    "aleidis",
    "alix",
    "astrid",
    "baudouin",
    "denis",
    "denijs",
    "elisabeth",
    "georges",
    "gilles",
    "gillis",
    "henri",
    "jean",
    "jose",
    "josse",
    "joost",
    "julien",
    "juliaan",
    "lambert",
    "louise",
    "louiza",
    "marie",
    "michel",
    "michiel",
    "paul",
    "paulus",
    "pierre",
    "pieter",
];

/// Folded words that announce a place name after them (`quartier Maritime`).
const CUES: &[&str] = &[
    "quartier",
    "quartiers",
    "wijk",
    "buurt",
    "bassin",
    "bekken",
    "commune",
    "gemeente",
];

/// Folded short words that join the words of one place name (`Gare du Midi`, `Bois de la
/// Cambre`, `Onze-Lieve-Vrouw ter Sneeuw`).
const LINKING: &[&str] = &[
    "de", "du", "des", "la", "le", "l", "d", "aux", "van", "ter", "ten", "het", "den", "sur",
];

/// True when a folded word of a place name is also an everyday word, read as a place only
/// inside the name or after a cue.
pub fn is_ordinary_word(folded: &str) -> bool {
    ORDINARY.contains(&folded)
}

/// True when a folded word announces a place name after it.
pub fn is_cue(folded: &str) -> bool {
    CUES.contains(&folded)
}

/// True when a folded short word may join two words of one place name.
pub fn is_linking(folded: &str) -> bool {
    LINKING.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_of_place_names_are_known() {
        for word in [
            "trois", "drie", "dame", "place", "gare", "station", "pierre",
        ] {
            assert!(is_ordinary_word(word), "{word}");
        }
        for word in ["matonge", "anderlecht", "schaerbeek", "flagey", "marolles"] {
            assert!(!is_ordinary_word(word), "{word}");
        }
    }

    #[test]
    fn cues_and_links() {
        assert!(is_cue("quartier") && is_cue("wijk"));
        assert!(is_linking("du") && is_linking("ter"));
        assert!(!is_linking("a") && !is_linking("mois"));
    }
}
