//! Street names: matching keys with the common abbreviations expanded, the language of a
//! street name, and bilingual street values split into French and Dutch.

use crate::bilingual;
use crate::fold::fold_word_into;
use crate::words::words;
use orienta_model::Lang;

/// Whole-word abbreviations and their expansion (after folding).
const WORD_ABBREVIATIONS: &[(&str, &str)] = &[
    ("av", "avenue"),
    ("ave", "avenue"),
    ("avn", "avenue"),
    ("bd", "boulevard"),
    ("bld", "boulevard"),
    ("boul", "boulevard"),
    ("bvd", "boulevard"),
    ("ch", "chaussee"),
    ("chee", "chaussee"),
    ("chss", "chaussee"),
    ("chaus", "chaussee"),
    ("pl", "place"),
    ("r", "rue"),
    ("str", "straat"),
    ("ln", "laan"),
    ("stwg", "steenweg"),
    ("sq", "square"),
];

/// Abbreviated Dutch suffixes glued to the name (`Haachtsestwg`, `Leopoldstr.`).
/// `stwg` is never a real ending; `str` and `ln` only count when followed by a dot.
const SUFFIX_ABBREVIATIONS: &[(&str, &str, bool)] = &[
    ("stwg", "steenweg", false),
    ("str", "straat", true),
    ("ln", "laan", true),
];

/// Dutch street-type words glued to the name before them (`Louiza laan` = `Louizalaan`).
const DUTCH_STREET_TYPES: &[&str] = &["straat", "laan", "steenweg", "plein", "dreef", "kaai"];

/// Folded first words that make a street name French.
const FRENCH_STREET_WORDS: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "bd",
    "place",
    "chaussee",
    "chee",
    "square",
    "quai",
    "clos",
    "allee",
    "dreve",
    "impasse",
    "parvis",
    "galerie",
    "cite",
    "rond",
    "chemin",
    "passage",
    "sentier",
    "ruelle",
    "venelle",
];

/// Endings of folded words that make a street name Dutch.
const DUTCH_STREET_SUFFIXES: &[&str] = &[
    "straat", "laan", "plein", "steenweg", "kaai", "dreef", "weg", "lei", "gang", "park", "hof",
    "vest", "markt", "pad", "baan",
];

/// The folded words of a name, each with whether a dot follows it.
fn folded_words(text: &str) -> Vec<(String, bool)> {
    words(text)
        .map(|word| {
            let mut folded = String::with_capacity(word.text.len());
            fold_word_into(&word.text, &mut folded);
            let dotted = text[word.span.end..].starts_with('.');
            (folded, dotted)
        })
        .collect()
}

/// Folds a street name to a matching key, expanding the common abbreviations:
/// `Av. Louise` and `Avenue Louise` give `avenue louise`, `Leopoldstr.` `leopoldstraat`.
pub fn street_key(text: &str) -> String {
    key_with(text, false)
}

/// [`street_key`], with the Dutch endings `str` and `ln` spelled out even without their
/// dot (`Galileeln` → `galileelaan`): for what a person types, where a dot is often left
/// out; record data keeps the stricter reading.
pub fn street_key_undotted(text: &str) -> String {
    key_with(text, true)
}

/// The street key of `text`; `every_ending` spells out `str` and `ln` without their dot.
fn key_with(text: &str, every_ending: bool) -> String {
    let mut key = String::with_capacity(text.len());
    for (word, dotted) in folded_words(text) {
        let word = expand(&word, dotted || every_ending);
        let glued = DUTCH_STREET_TYPES.contains(&word.as_str());
        if !key.is_empty() && !glued {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

/// Expands one folded word when it is a known abbreviation.
fn expand(word: &str, dotted: bool) -> String {
    if let Some((_, full)) = WORD_ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
        return (*full).to_owned();
    }
    for (suffix, full, needs_dot) in SUFFIX_ABBREVIATIONS {
        if (dotted || !needs_dot) && word.len() > suffix.len() + 2 && word.ends_with(suffix) {
            return format!("{}{full}", &word[..word.len() - suffix.len()]);
        }
    }
    word.to_owned()
}

/// Whether a folded word can begin a street name: a French street word or its abbreviation
/// (`rue`, `av`, `chee`) or a word with a Dutch street ending (`hoogstraat`); for finding
/// the street in an address that starts with something else (`chez Mme Dupont, rue …`).
pub fn is_street_word(folded: &str) -> bool {
    let expanded = expand(folded, true);
    let dutch = DUTCH_STREET_SUFFIXES
        .iter()
        .any(|suffix| expanded.len() > suffix.len() + 2 && expanded.ends_with(suffix));
    dutch || FRENCH_STREET_WORDS.contains(&expanded.as_str())
}

/// The language of a street name, from its street word (`Rue …`, `…straat`).
pub fn street_language(street: &str) -> Option<Lang> {
    let words = folded_words(street);
    let first_is_french = words
        .first()
        .is_some_and(|(word, _)| FRENCH_STREET_WORDS.contains(&word.as_str()));
    if first_is_french {
        return Some(Lang::Fr);
    }
    words
        .iter()
        .any(|(word, _)| {
            DUTCH_STREET_SUFFIXES
                .iter()
                .any(|suffix| word.ends_with(suffix))
        })
        .then_some(Lang::Nl)
}

/// Splits a street given in one field in both languages (`Rue X - Xstraat`, in either
/// order) into `(French, Dutch)`; `None` when it is not such a pair.
pub fn split_bilingual_street(street: &str) -> Option<(String, String)> {
    bilingual::halves(street).find_map(|(left, right)| {
        match (street_language(left), street_language(right)) {
            (Some(Lang::Fr), Some(Lang::Nl)) => Some((left.to_owned(), right.to_owned())),
            (Some(Lang::Nl), Some(Lang::Fr)) => Some((right.to_owned(), left.to_owned())),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_street_abbreviations() {
        assert_eq!(street_key("Av. Louise"), "avenue louise");
        assert_eq!(street_key("Avenue Louise"), "avenue louise");
        assert_eq!(street_key("Bd Auguste Reyers"), "boulevard auguste reyers");
        assert_eq!(street_key("Boul. Anspach"), "boulevard anspach");
        assert_eq!(street_key("Chée de Waterloo"), "chaussee de waterloo");
        assert_eq!(street_key("Chaus. de Wavre"), "chaussee de wavre");
        assert_eq!(street_key("Pl. Flagey"), "place flagey");
        assert_eq!(street_key("R. Haute"), "rue haute");
        assert_eq!(street_key("Haachtsestwg"), "haachtsesteenweg");
        assert_eq!(street_key("Leopoldstr."), "leopoldstraat");
        assert_eq!(street_key("Auguste Reyersln."), "auguste reyerslaan");
        assert_eq!(street_key("Louiza Ln"), "louizalaan");
        assert_eq!(street_key("Koning Albert II-laan"), "koning albert iilaan");
        // `str` without a dot at the end of a word is left alone.
        assert_eq!(street_key("Kastr"), "kastr");
    }

    #[test]
    fn street_languages_and_pairs() {
        assert_eq!(street_language("Rue Haute"), Some(Lang::Fr));
        assert_eq!(street_language("Hoogstraat"), Some(Lang::Nl));
        assert_eq!(street_language("Kunstberg"), None);
        assert_eq!(
            split_bilingual_street("Hoogstraat - Rue Haute"),
            Some(("Rue Haute".to_owned(), "Hoogstraat".to_owned()))
        );
        assert_eq!(split_bilingual_street("Rue Jean-Baptiste"), None);
    }
}
