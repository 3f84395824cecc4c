//! "Did you mean": the words of a text that no record, no need and no dictionary knows,
//! each replaced by the word of the index closest to it (one edit from 4 letters, two from
//! 8; fewer edits first, then the word most records hold). A dictionary word is written as
//! meant: `accident de la route` is not offered as `aident de la toute` where no record
//! says `accident`.

use crate::index::SearchIndex;
use orienta_text::stopwords;
use std::collections::HashMap;
use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::Term;

/// Words shorter than this are never corrected.
const MIN_CHARS: usize = 4;

/// Words at least this long may be two edits from their correction.
const TWO_EDITS_CHARS: usize = 8;

impl SearchIndex {
    /// The text with its unknown words corrected, or `None` when no word was corrected.
    pub fn did_you_mean(&self, text: &str) -> Option<String> {
        let mut corrected = false;
        let words: Vec<String> = orienta_text::words(text)
            .map(
                |word| match self.correction(&orienta_text::fold(&word.text)) {
                    Some(correction) => {
                        corrected = true;
                        correction
                    }
                    None => word.text.into_owned(),
                },
            )
            .collect();
        corrected.then(|| words.join(" "))
    }

    /// True when some record's names, places or texts, or the thesaurus, hold a folded word.
    fn knows_word(&self, folded: &str) -> bool {
        let fields = self.fields();
        let searcher = self.searcher();
        let in_index = [fields.words, fields.name_any, fields.place]
            .into_iter()
            .any(|field| {
                let term = Term::from_field_text(field, folded);
                searcher.doc_freq(&term).unwrap_or(0) > 0
            });
        in_index || !self.thesaurus().match_text(folded, 0).is_empty()
    }

    /// The closest known word to an unknown folded word, if any is close enough.
    fn correction(&self, folded: &str) -> Option<String> {
        let length = folded.chars().count();
        let plain_word = length >= MIN_CHARS && folded.chars().all(char::is_alphabetic);
        // A stop word or a dictionary word is known even where no record holds it.
        let spelled_right = stopwords::is_spelled_right(folded);
        if !plain_word || spelled_right || self.knows_word(folded) {
            return None;
        }
        let most_edits = if length >= TWO_EDITS_CHARS { 2 } else { 1 };
        let field = self.fields().words;
        (1..=most_edits).find_map(|edits| {
            let counts = self.close_terms(field, folded, edits);
            counts
                .into_iter()
                .max_by(|(a_word, a_count), (b_word, b_count)| {
                    a_count.cmp(b_count).then_with(|| b_word.cmp(a_word))
                })
                .map(|(word, _)| word)
        })
    }

    /// The terms of `field` within `edits` of `folded`, with the records holding each.
    fn close_terms(&self, field: Field, folded: &str, edits: u8) -> HashMap<String, u64> {
        let mut counts: HashMap<String, u64> = HashMap::new();
        let term = Term::from_field_text(field, folded);
        let query = FuzzyTermQuery::new(term, edits, true);
        for segment in self.searcher().segment_readers() {
            let (Ok(inverted), Ok(automaton)) = (segment.inverted_index(field), query.automaton())
            else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().search(automaton).into_stream() else {
                continue;
            };
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                *counts.entry(word.to_owned()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
        counts
    }
}
