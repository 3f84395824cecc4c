//! Names searched by prefix with typos: every key (a street's FR and NL names, a commune's,
//! a quartier's, a bassin's, folded with `street_key`) in an `fst` map, searched with a
//! Levenshtein prefix automaton, so that `rue josap` and `josafatstr` both find the street.

use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};
use std::collections::BTreeMap;

/// Keys and the entries they name.
pub(crate) struct NameIndex {
    /// Key → position in `entries`.
    keys: Map<Vec<u8>>,
    /// The entries of each key (several streets share a name across communes).
    entries: Vec<Vec<usize>>,
    /// Prefix automata builders for 0, 1 and 2 edits.
    builders: [LevenshteinAutomatonBuilder; 3],
}

/// One key found: its entries, the edits of the typed text from a prefix of it, and
/// whether the whole key was typed.
pub(crate) struct Found<'a> {
    pub entries: &'a [usize],
    pub edits: u8,
    pub whole: bool,
}

/// The edits allowed for a typed key of this many characters.
fn allowed_edits(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

impl NameIndex {
    /// Indexes `(key, entry)` pairs.
    pub fn build(pairs: impl IntoIterator<Item = (String, usize)>) -> Self {
        let mut grouped: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (key, entry) in pairs {
            if key.is_empty() {
                continue;
            }
            let entries = grouped.entry(key).or_default();
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
        let mut entries = Vec::with_capacity(grouped.len());
        let mut sorted = Vec::with_capacity(grouped.len());
        for (key, group) in grouped {
            sorted.push((key, entries.len() as u64));
            entries.push(group);
        }
        // sorted, distinct keys: building cannot fail
        let keys = Map::from_iter(sorted).unwrap_or_default();
        let builders = [0, 1, 2].map(|edits| LevenshteinAutomatonBuilder::new(edits, true));
        Self {
            keys,
            entries,
            builders,
        }
    }

    /// True when some key starts with `typed` exactly (an `fst` range read, no automaton).
    pub fn has_prefix(&self, typed: &str) -> bool {
        let mut stream = self.keys.range().ge(typed).into_stream();
        stream
            .next()
            .is_some_and(|(key, _)| key.starts_with(typed.as_bytes()))
    }

    /// True when some key is exactly `typed`.
    pub fn has_key(&self, typed: &str) -> bool {
        self.keys.contains_key(typed)
    }

    /// The keys that start with `typed` within the allowed edits, at most `limit` keys
    /// (fewest edits first; the automaton stream is in key order, so all are read).
    pub fn search(&self, typed: &str, limit: usize) -> Vec<Found<'_>> {
        let edits = allowed_edits(typed.chars().count());
        let dfa = self.builders[usize::from(edits)].build_prefix_dfa(typed);
        let mut stream = self.keys.search(&dfa).into_stream();
        let mut found = Vec::new();
        while let Some((key, position)) = stream.next() {
            let Some(entries) = usize::try_from(position)
                .ok()
                .and_then(|position| self.entries.get(position))
            else {
                continue;
            };
            let distance = match dfa.eval(key) {
                Distance::Exact(distance) => distance,
                Distance::AtLeast(distance) => distance,
            };
            let whole = key.len() <= typed.len() + 2;
            found.push(Found {
                entries,
                edits: distance,
                whole,
            });
            if found.len() >= 2000 {
                break;
            }
        }
        found.sort_by_key(|hit| (hit.edits, !hit.whole));
        found.truncate(limit);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_typos_find_keys() {
        let index = NameIndex::build([
            ("rue josaphat".to_owned(), 0),
            ("josafatstraat".to_owned(), 0),
            ("avenue louise".to_owned(), 1),
        ]);
        let hits = |typed: &str| -> Vec<usize> {
            index
                .search(typed, 10)
                .iter()
                .flat_map(|hit| hit.entries.iter().copied())
                .collect()
        };
        assert_eq!(hits("rue josa"), [0]);
        assert_eq!(hits("josafatstraat"), [0]);
        assert_eq!(hits("avenue luoise"), [1]);
        assert!(hits("zzz").is_empty());
    }
}
