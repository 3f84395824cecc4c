//! The FR ↔ NL glossary (`data/glossary.toml`): the French and the Dutch words of one
//! meaning, so that a word of a question no need concept covers still finds the records
//! written in the other language (`autiste` → `autisme`, `deurwaarder` → `huissier`).

use crate::error::ThesaurusError;
use orienta_model::Lang;
use orienta_text::{fold, match_key, tokenize};
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
    /// The forms of several words, by the key of their first word, for each language: the
    /// keys of all their words and their meanings.
    phrases: [FxHashMap<String, Vec<Phrase>>; 2],
}

/// A form of several words (`accident de la route`): the matching keys of its words and
/// its meanings.
#[derive(Debug)]
struct Phrase {
    keys: Vec<String>,
    meanings: Vec<usize>,
}

/// A form of several words of the glossary found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseFound {
    /// The position of its first word in the text's tokens.
    pub start: usize,
    /// The position after its last word.
    pub end: usize,
    /// Its meanings, as positions in the glossary.
    meanings: Vec<usize>,
}

impl Inner {
    /// Indexes `form` as a phrase of `meaning` when it has several words.
    fn add_phrase(&mut self, side: usize, form: &str, meaning: usize) {
        let tokens = tokenize(form);
        let keys: Vec<String> = tokens.iter().map(|token| token.key.to_owned()).collect();
        let [first, _, ..] = keys.as_slice() else {
            return;
        };
        let phrases = self.phrases[side].entry(first.clone()).or_default();
        match phrases.iter_mut().find(|phrase| phrase.keys == keys) {
            Some(phrase) if !phrase.meanings.contains(&meaning) => phrase.meanings.push(meaning),
            Some(_) => {}
            None => phrases.push(Phrase {
                keys,
                meanings: vec![meaning],
            }),
        }
    }
}

/// The position of a language's side in the glossary (French 0, Dutch 1).
fn side_of(lang: Lang) -> usize {
    usize::from(lang == Lang::Nl)
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
                for word in words {
                    inner.add_phrase(side, word, position);
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

    /// The forms of several words of the language `from` in a text's folded tokens, longest
    /// first and without overlap (`accident de la route`, `mensen zonder papieren`).
    pub fn phrases_in(&self, folded_words: &[String], from: Lang) -> Vec<PhraseFound> {
        let keys: Vec<String> = folded_words.iter().map(|word| match_key(word)).collect();
        let phrases = &self.inner.phrases[side_of(from)];
        let mut found = Vec::new();
        let mut start = 0;
        while start < keys.len() {
            let longest = phrases
                .get(&keys[start])
                .into_iter()
                .flatten()
                .filter(|phrase| keys[start..].starts_with(&phrase.keys))
                .max_by_key(|phrase| phrase.keys.len());
            let Some(phrase) = longest else {
                start += 1;
                continue;
            };
            let end = start + phrase.keys.len();
            found.push(PhraseFound {
                start,
                end,
                meanings: phrase.meanings.clone(),
            });
            start = end;
        }
        found
    }

    /// The words in `into` of the meanings of a phrase found in a text.
    pub fn phrase_words_into(&self, phrase: &PhraseFound, into: Lang) -> Vec<&str> {
        let mut words: Vec<&str> = Vec::new();
        for &meaning in &phrase.meanings {
            for word in &self.inner.entries[meaning][side_of(into)] {
                if !words.contains(&word.as_str()) {
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
        let text: Vec<String> = ["aide", "apres", "accidents", "de", "la", "route"]
            .map(str::to_owned)
            .to_vec();
        let phrases = glossary.phrases_in(&text, Lang::Fr);
        let [phrase] = phrases.as_slice() else {
            panic!("{phrases:?}");
        };
        assert_eq!((phrase.start, phrase.end), (2, 6));
        let words = glossary.phrase_words_into(phrase, Lang::Nl);
        assert!(words.contains(&"verkeersongeval"), "{words:?}");
        // A word is looked up in its own language only: the Dutch `arts` is a doctor.
        assert!(glossary
            .words_into("arts", Lang::Nl, Lang::Fr)
            .contains(&"medecin"));
        assert!(!glossary
            .words_into("arts", Lang::Fr, Lang::Nl)
            .contains(&"dokter"));
    }
}
