//! Guessing whether a short text (a query) is French or Dutch from the thesaurus
//! vocabulary and a few function words. Statistical detectors are unreliable on 1–3 words.

use crate::file::ConceptRecord;
use crate::fold::tokenize;
use orienta_model::Lang;
use std::collections::HashSet;

/// French function words (folded) that are not Dutch words.
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "un", "une", "et", "pour", "avec", "dans", "sur", "je", "j",
    "mon", "ma", "mes", "est", "pas", "ne", "qui", "que", "qu", "au", "aux", "a", "sans", "chez",
    "d", "l", "il", "elle", "nous", "vous", "ou", "par", "plus", "ce", "cette", "ai", "suis",
    "mais", "son", "sa", "ses", "leur", "quartier", "aide", "centre", "service",
];

/// Dutch function words (folded) that are not French words.
const DUTCH_WORDS: &[&str] = &[
    "het", "een", "van", "voor", "met", "op", "ik", "mijn", "niet", "geen", "die", "dat", "bij",
    "aan", "naar", "zijn", "wat", "waar", "hoe", "om", "ook", "of", "er", "zonder", "tot", "uit",
    "heb", "ben", "kan", "wil", "hulp", "dienst", "centrum", "buurt", "wij", "jij", "u", "hij",
    "zij", "maar",
];

/// Words typical of one language only.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    french: HashSet<String>,
    dutch: HashSet<String>,
}

impl Vocabulary {
    /// The token keys of the FR and NL labels and terms, minus those found in both.
    pub fn build(records: &[ConceptRecord]) -> Self {
        let keys = |lang: Lang| -> HashSet<String> {
            records
                .iter()
                .flat_map(|record| {
                    record
                        .label(lang)
                        .into_iter()
                        .chain(record.terms(lang).iter().map(String::as_str))
                })
                .flat_map(|text| {
                    let tokens = tokenize(text);
                    let keys: Vec<String> = tokens
                        .iter()
                        .map(|token| token.key)
                        .filter(|key| key.len() > 2)
                        .map(str::to_owned)
                        .collect();
                    keys
                })
                .collect()
        };
        let french = keys(Lang::Fr);
        let dutch = keys(Lang::Nl);
        Vocabulary {
            french: french.difference(&dutch).cloned().collect(),
            dutch: dutch.difference(&french).cloned().collect(),
        }
    }

    /// French or Dutch, whichever has more typical words; `None` on a tie or no clue.
    pub fn guess(&self, text: &str) -> Option<Lang> {
        let mut french = 0usize;
        let mut dutch = 0usize;
        for token in tokenize(text).iter() {
            if FRENCH_WORDS.contains(&token.folded) || self.french.contains(token.key) {
                french += 1;
            } else if DUTCH_WORDS.contains(&token.folded) || self.dutch.contains(token.key) {
                dutch += 1;
            }
        }
        match french.cmp(&dutch) {
            std::cmp::Ordering::Greater => Some(Lang::Fr),
            std::cmp::Ordering::Less => Some(Lang::Nl),
            std::cmp::Ordering::Equal => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_word_lists_are_disjoint() {
        for word in FRENCH_WORDS {
            assert!(!DUTCH_WORDS.contains(word), "{word} is in both lists");
        }
    }

    #[test]
    fn guesses_from_function_words_alone() {
        let vocabulary = Vocabulary::default();
        assert_eq!(vocabulary.guess("je cherche une aide"), Some(Lang::Fr));
        assert_eq!(
            vocabulary.guess("ik zoek hulp voor mijn moeder"),
            Some(Lang::Nl)
        );
        assert_eq!(vocabulary.guess("CPAS"), None);
    }
}
