//! Folded keys for matching street and commune names: lowercase, no accents, no
//! punctuation, single spaces, common abbreviations expanded.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Whole-word abbreviations and their expansion (after folding).
const WORD_ABBREVIATIONS: &[(&str, &str)] = &[
    ("av", "avenue"),
    ("ave", "avenue"),
    ("avn", "avenue"),
    ("bd", "boulevard"),
    ("bld", "boulevard"),
    ("boul", "boulevard"),
    ("bvd", "boulevard"),
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

/// Folds a name to a matching key, expanding the common street abbreviations.
pub fn street_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for (word, dotted) in words(text) {
        let word = expand(&word, dotted);
        let glued = DUTCH_STREET_TYPES.contains(&word.as_str());
        if !key.is_empty() && !glued {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

/// Folds a name to a matching key without expanding abbreviations (commune and city names).
pub fn name_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for (word, _) in words(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

/// The parts of a bilingual street value written as `Rue X - Xstraat` (or with `/`).
pub fn bilingual_parts(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for separator in [" - ", " – ", " / "] {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Lowercase accent-free words, each with whether a dot followed it.
fn words(text: &str) -> Vec<(String, bool)> {
    let mut words = Vec::new();
    let mut current = String::new();
    for character in text.nfd() {
        if is_combining_mark(character) {
            continue;
        }
        if character.is_alphanumeric() {
            current.extend(fold_letter(character));
            continue;
        }
        if !current.is_empty() {
            words.push((std::mem::take(&mut current), character == '.'));
        }
    }
    if !current.is_empty() {
        words.push((current, false));
    }
    words
}

/// Lowercases one letter, spelling out the ligatures that do not decompose.
fn fold_letter(character: char) -> impl Iterator<Item = char> {
    let spelled: Option<&'static str> = match character {
        'œ' | 'Œ' => Some("oe"),
        'æ' | 'Æ' => Some("ae"),
        'ß' => Some("ss"),
        _ => None,
    };
    let lower: Vec<char> = match spelled {
        Some(text) => text.chars().collect(),
        None => character.to_lowercase().collect(),
    };
    lower.into_iter()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(name_key("  Chaussée d'Ixelles "), "chaussee d ixelles");
        assert_eq!(name_key("BRUXELLES--7"), "bruxelles 7");
        assert_eq!(name_key("Sint-Jans-Molenbeek"), "sint jans molenbeek");
        assert_eq!(name_key("Rue de l’Église"), "rue de l eglise");
        assert_eq!(name_key("Cœur"), "coeur");
    }

    #[test]
    fn expands_street_abbreviations() {
        assert_eq!(street_key("Av. Louise"), "avenue louise");
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
    fn splits_bilingual_values() {
        assert_eq!(
            bilingual_parts("Rue Haute - Hoogstraat"),
            vec!["Rue Haute", "Hoogstraat"]
        );
        assert_eq!(
            bilingual_parts("Rue Jean-Baptiste"),
            vec!["Rue Jean-Baptiste"]
        );
    }
}
