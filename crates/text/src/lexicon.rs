//! Words spelled right: the folded words of a French and a Dutch dictionary
//! (`data/words/known_words.fst`, see `data/words/README.md`), bundled with the binary.
//!
//! A question's word found here is written as meant: it is never read as the typo of
//! another word (`année` is not `aînés`, `plaine` is not `plainte`, `sainte` is not `santé`).

use fst::Set;
use std::sync::OnceLock;

/// The dictionary words, folded (4 letters and more), as an `fst` set.
const KNOWN_WORDS: &[u8] = include_bytes!("../../../data/words/known_words.fst");

/// The bundled set; empty if the bundled bytes were not a set (a test below makes sure
/// they are).
fn known_words() -> &'static Option<Set<&'static [u8]>> {
    static SET: OnceLock<Option<Set<&'static [u8]>>> = OnceLock::new();
    SET.get_or_init(|| Set::new(KNOWN_WORDS).ok())
}

/// True when a folded word is a French or Dutch dictionary word.
pub fn is_dictionary_word(folded: &str) -> bool {
    known_words()
        .as_ref()
        .is_some_and(|set| set.contains(folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_set_reads() {
        let set = known_words()
            .as_ref()
            .expect("data/words/known_words.fst is a set");
        assert!(set.len() > 500_000, "{} words", set.len());
    }

    #[test]
    fn french_and_dutch_words_are_known_and_typos_are_not() {
        for word in [
            "annee",
            "plaine",
            "sainte",
            "logement",
            "vergeet",
            "deurwaarder",
        ] {
            assert!(is_dictionary_word(word), "{word}");
        }
        for typo in ["logment", "mediaton", "schuldbemidelaar", "deurwarder"] {
            assert!(!is_dictionary_word(typo), "{typo}");
        }
    }
}
