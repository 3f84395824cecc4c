//! The FR ↔ NL glossary (`data/glossary.toml`): the French and the Dutch words of one
//! meaning, so that a word of a question no need concept covers still finds the records
//! written in the other language (`autiste` → `autisme`, `deurwaarder` → `huissier`).

use crate::error::ThesaurusError;
use orienta_model::Lang;
use orienta_text::{fold, match_key};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

const BUNDLED_TOML: &str = include_str!("../../../data/glossary.toml");

/// The glossary file: one `[[entry]]` per meaning.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    entry: Vec<EntryRecord>,
}

/// One meaning: its French and Dutch words.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRecord {
    fr: Vec<String>,
    nl: Vec<String>,
}

/// The words of every meaning (folded, French then Dutch), found by the matching key of a
/// one-word form.
#[derive(Debug, Clone, Default)]
pub(crate) struct Glossary {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// The folded French and Dutch words of each meaning.
    entries: Vec<[Vec<String>; 2]>,
    /// Meanings by the matching key of each one-word form, for each language (French 0,
    /// Dutch 1): `arts` is a Dutch doctor, not the French arts.
    by_key: [FxHashMap<String, Vec<usize>>; 2],
}

impl Glossary {
    /// The glossary bundled in the binary, parsed once.
    pub fn bundled() -> Self {
        static BUNDLED: OnceLock<Glossary> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                // The bundled file is checked by the `bundled_glossary_is_valid` test.
                Glossary::from_toml_str(BUNDLED_TOML).expect("bundled data/glossary.toml")
            })
            .clone()
    }

    /// Parses a glossary from TOML text.
    pub fn from_toml_str(text: &str) -> Result<Self, ThesaurusError> {
        let file: GlossaryFile = toml::from_str(text)
            .map_err(|error| ThesaurusError::Invalid(format!("glossary: {error}")))?;
        let mut inner = Inner::default();
        for record in file.entry {
            let position = inner.entries.len();
            let folded = |words: &[String]| words.iter().map(|word| fold(word)).collect();
            let sides: [Vec<String>; 2] = [folded(&record.fr), folded(&record.nl)];
            for (side, words) in sides.iter().enumerate() {
                for word in words.iter().filter(|word| !word.contains(' ')) {
                    let meanings = inner.by_key[side].entry(match_key(word)).or_default();
                    if !meanings.contains(&position) {
                        meanings.push(position);
                    }
                }
            }
            inner.entries.push(sides);
        }
        Ok(Glossary {
            inner: Arc::new(inner),
        })
    }

    /// The words in `into` of the meanings of one folded word of the language `from` (its
    /// translations, or its inflections and synonyms when `into` is `from`), its own key
    /// left out.
    pub fn words_into(&self, folded_word: &str, from: Lang, into: Lang) -> Vec<&str> {
        let key = match_key(folded_word);
        let side_of = |lang: Lang| usize::from(lang == Lang::Nl);
        let Some(meanings) = self.inner.by_key[side_of(from)].get(&key) else {
            return Vec::new();
        };
        let mut words: Vec<&str> = Vec::new();
        for &meaning in meanings {
            for word in &self.inner.entries[meaning][side_of(into)] {
                let same = !word.contains(' ') && match_key(word) == key;
                if !same && !words.contains(&word.as_str()) {
                    words.push(word);
                }
            }
        }
        words
    }

    /// How many meanings the glossary holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.inner.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_glossary_is_valid() {
        let glossary = Glossary::from_toml_str(BUNDLED_TOML).expect("valid glossary");
        assert!(glossary.len() > 1_000, "{}", glossary.len());
    }

    #[test]
    fn a_word_finds_its_translation_and_not_itself() {
        let glossary = Glossary::bundled();
        let words = glossary.words_into("autistes", Lang::Fr, Lang::Nl);
        assert!(words.contains(&"autisme"), "{words:?}");
        let words = glossary.words_into("autistes", Lang::Fr, Lang::Fr);
        assert!(!words.contains(&"autiste"), "{words:?}");
        let words = glossary.words_into("deurwaarder", Lang::Nl, Lang::Fr);
        assert_eq!(words.first(), Some(&"huissier"), "{words:?}");
        assert!(glossary.words_into("xyzzy", Lang::Fr, Lang::Nl).is_empty());
        // A word is looked up in its own language only: the Dutch `arts` is a doctor.
        assert!(glossary
            .words_into("arts", Lang::Nl, Lang::Fr)
            .contains(&"medecin"));
        assert!(!glossary
            .words_into("arts", Lang::Fr, Lang::Nl)
            .contains(&"dokter"));
    }
}
