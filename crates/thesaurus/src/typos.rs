//! Typo lookup: the keys that start a label or term, as an `fst` map searched with a
//! Levenshtein automaton (`levenshtein_automata`, a transposition counts as one edit).

use crate::index::TermIndex;
use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use std::fmt;

/// The most edits a typo may have ([`crate::matcher`] allows 1 from 5 letters, 2 from 9).
const MAX_EDITS: u8 = 2;

/// The keys that start a form, searchable by edit distance.
pub(crate) struct TypoKeys {
    /// Every key that starts at least one label or term, valued by its number in
    /// [`TermIndex::keys`].
    keys: Map<Vec<u8>>,
    /// Automaton builders for 1 and 2 edits.
    builders: Vec<LevenshteinAutomatonBuilder>,
}

impl TypoKeys {
    /// The keys of `index` that start a label or term.
    pub fn build(index: &TermIndex) -> Self {
        let mut starting: Vec<(&str, u64)> = index
            .keys
            .iter()
            .filter(|(_, id)| {
                index
                    .starts
                    .get(**id)
                    .is_some_and(|forms| !forms.is_empty())
            })
            .map(|(key, id)| (key.as_str(), *id as u64))
            .collect();
        starting.sort_unstable();
        // sorted, distinct keys: building cannot fail
        let keys = Map::from_iter(starting).unwrap_or_default();
        let builders = (1..=MAX_EDITS)
            .map(|distance| LevenshteinAutomatonBuilder::new(distance, true))
            .collect();
        Self { keys, builders }
    }

    /// The numbers of the keys that start with the same byte as `key` and are within
    /// `max_edits` (at most 2) of it; the caller measures each one again.
    ///
    /// The automaton counts a swap of two neighbours as one edit but never edits between
    /// the two letters it swapped (optimal string alignment), while the matcher measures
    /// with Damerau–Levenshtein: a word two edits apart only that way — a letter typed
    /// between two swapped ones, `mediation` → `medaxition` — is no longer offered (the
    /// scan of every key found it). Searching with three edits would offer it, but costs
    /// four times as much as two (`match_text query 2 edits`: 232 against 54 µs).
    pub fn near(&self, key: &str, max_edits: u8) -> Vec<usize> {
        let Some(&first) = key.as_bytes().first() else {
            return Vec::new();
        };
        let distance = usize::from(max_edits.min(MAX_EDITS));
        let Some(builder) = distance.checked_sub(1).and_then(|at| self.builders.get(at)) else {
            return Vec::new();
        };
        let automaton = builder.build_dfa(key);
        let search = self.keys.search(&automaton).ge([first]);
        let mut stream = match first.checked_add(1) {
            Some(next) => search.lt([next]).into_stream(),
            None => search.into_stream(),
        };
        let mut found = Vec::new();
        while let Some((_, id)) = stream.next() {
            found.extend(usize::try_from(id));
        }
        found
    }
}

impl Default for TypoKeys {
    fn default() -> Self {
        Self::build(&TermIndex::default())
    }
}

impl fmt::Debug for TypoKeys {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("TypoKeys")
            .field("keys", &self.keys.len())
            .finish()
    }
}
