//! Greedy longest match of thesaurus forms over the tokens of a text, with optional
//! typo tolerance.

use crate::index::{Entry, EntryToken, TermIndex};
use orienta_text::{Token, Tokens};
use std::cmp::Reverse;
use std::ops::Range;

/// A form found in a text (positions in tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    /// Position of the entry in the index.
    pub entry: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Edits used.
    pub edits: u8,
}

/// Edits a token of this many characters may take: 1 from 5, 2 from 9.
fn edits_allowed(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Edits needed to read `text` (whose key has the number `text_id` in the index, if any)
/// as `term`, if within `budget` and the length allowance. Typos are only considered for
/// a token that is not a word of the thesaurus itself, and keep the first letter.
fn token_edits(text: &Token, text_id: Option<usize>, term: &EntryToken, budget: u8) -> Option<u8> {
    if text_id == Some(term.id) {
        return Some(0);
    }
    let typo = text_id.is_none();
    if budget == 0 || !typo || text.key.chars().next() != term.key.chars().next() {
        return None;
    }
    let allowed = edits_allowed(text.folded.chars().count().min(term.chars)).min(budget);
    if allowed == 0 {
        return None;
    }
    let length_gap = text.key.chars().count().abs_diff(term.key.chars().count());
    if length_gap > usize::from(allowed) {
        return None;
    }
    let distance = strsim::damerau_levenshtein(text.key, &term.key);
    u8::try_from(distance)
        .ok()
        .filter(|edits| *edits <= allowed)
}

/// The text being matched: its tokens and the numbers of their keys in the index (none
/// for a word the thesaurus does not know, which may be a typo).
struct Text<'a> {
    tokens: Vec<Token<'a>>,
    ids: Vec<Option<usize>>,
}

/// Edits needed to read the text from `start` as the whole entry, within `end` and
/// `max_edits`.
fn entry_edits(entry: &Entry, text: &Text, start: usize, end: usize, max_edits: u8) -> Option<u8> {
    let stop = start + entry.tokens.len();
    if stop > end {
        return None;
    }
    let window = &text.tokens[start..stop];
    if let Some(cased) = entry.acronym {
        let token = &window[0];
        let same = token.folded == entry.tokens[0].folded;
        return (same && (token.upper || !cased)).then_some(0);
    }
    if max_edits == 0 {
        let ids = &text.ids[start..stop];
        let same = entry
            .tokens
            .iter()
            .zip(ids)
            .all(|(term, id)| *id == Some(term.id));
        return same.then_some(0);
    }
    let mut used = 0u8;
    for (offset, term) in entry.tokens.iter().enumerate() {
        let position = start + offset;
        let text_id = text.ids[position];
        used += token_edits(&text.tokens[position], text_id, term, max_edits - used)?;
    }
    Some(used)
}

/// Entries that may start at `start`: exact first-token hits, then (with typos allowed)
/// every label or term whose first token is close enough. Exact matching allocates nothing.
fn candidates<'a>(
    index: &'a TermIndex,
    text: &Text,
    start: usize,
    max_edits: u8,
) -> impl Iterator<Item = usize> + 'a {
    let token = &text.tokens[start];
    let id = text.ids[start];
    let exact = id
        .and_then(|id| index.starts.get(id))
        .into_iter()
        .flatten()
        .chain(index.acronyms.get(token.folded).into_iter().flatten())
        .copied();
    let close = if max_edits == 0 || id.is_some() {
        Vec::new()
    } else {
        close_candidates(index, token, max_edits)
    };
    exact.chain(close)
}

/// Labels and terms whose first token is within `max_edits` of `token` (not equal to it).
fn close_candidates(index: &TermIndex, token: &Token, max_edits: u8) -> Vec<usize> {
    let mut found = Vec::new();
    let first_letter = token.key.as_bytes().first();
    let key_chars = token.key.chars().count();
    for (key, &id) in &index.keys {
        let entries = &index.starts[id];
        // cheap filters before any distance: no form starts with it, other first letter,
        // or too long or short
        if entries.is_empty() || key.as_bytes().first() != first_letter {
            continue;
        }
        if key.chars().count().abs_diff(key_chars) > usize::from(max_edits) {
            continue;
        }
        for &position in entries {
            let first = &index.entries[position].tokens[0];
            if token_edits(token, None, first, max_edits).is_some() {
                found.push(position);
            }
        }
    }
    found
}

/// Greedy left-to-right matching of `range`: at each position the longest form wins,
/// then the one with fewer edits; within a concept, the form written as in the text.
fn greedy(index: &TermIndex, text: &Text, range: Range<usize>, max_edits: u8) -> Vec<RawMatch> {
    let mut matches = Vec::new();
    let mut best: Vec<RawMatch> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        best.clear();
        for entry in candidates(index, text, start, max_edits) {
            let length = index.entries[entry].tokens.len();
            let Some(edits) = entry_edits(&index.entries[entry], text, start, range.end, max_edits)
            else {
                continue;
            };
            let found = RawMatch {
                entry,
                start,
                end: start + length,
                edits,
            };
            let strength = |found: &RawMatch| (found.end, Reverse(found.edits));
            let literal = |found: &RawMatch| {
                let entry = &index.entries[found.entry];
                let window = &text.tokens[found.start..found.end];
                entry
                    .tokens
                    .iter()
                    .zip(window)
                    .all(|(term, text)| term.folded == text.folded)
            };
            match best.first().map(strength) {
                Some(current) if strength(&found) < current => continue,
                Some(current) if strength(&found) > current => best.clear(),
                _ => {}
            }
            let concept = index.entries[entry].concept;
            match best
                .iter_mut()
                .find(|other| index.entries[other.entry].concept == concept)
            {
                Some(other) if literal(&found) && !literal(other) => *other = found,
                Some(_) => {}
                None => best.push(found),
            }
        }
        match best.first() {
            Some(first) => {
                start = first.end;
                matches.append(&mut best);
            }
            None => start += 1,
        }
    }
    matches
}

/// Non-overlapping matches, in text order. Exact matches are found first; with
/// `max_edits` > 0, typo-tolerant matches only fill the gaps between them. Forms shared
/// by several concepts yield one match each.
pub(crate) fn find(index: &TermIndex, tokens: &Tokens, max_edits: u8) -> Vec<RawMatch> {
    let tokens: Vec<Token> = tokens.iter().collect();
    let ids = tokens
        .iter()
        .map(|token| index.keys.get(token.key).copied())
        .collect();
    let text = Text { tokens, ids };
    let exact = greedy(index, &text, 0..text.tokens.len(), 0);
    if max_edits == 0 {
        return exact;
    }
    let mut all = Vec::new();
    let mut covered = 0;
    for found in exact {
        if found.start >= covered {
            all.extend(greedy(index, &text, covered..found.start, max_edits));
            covered = found.end;
        }
        all.push(found);
    }
    all.extend(greedy(index, &text, covered..text.tokens.len(), max_edits));
    all
}

/// One word of a text as exact matching sees it.
struct Word<'a> {
    /// The number of its key, if the thesaurus knows the key.
    id: Option<usize>,
    /// The acronym entries whose folded token it is.
    acronyms: &'a [usize],
    /// Written in capitals.
    upper: bool,
}

/// The concepts of the exact matches of a text, as [`find`] with no typos would give them
/// (in text order, repeated when named twice), for texts matched by the thousand at import.
///
/// Only concepts are wanted, not which form of a concept matched, so each word is reduced
/// to the number of its key and to the acronyms it may be, and the longest forms at each
/// position are found by comparing numbers.
pub(crate) fn exact_concepts(index: &TermIndex, tokens: &Tokens) -> Vec<usize> {
    let words: Vec<Word> = tokens
        .iter()
        .map(|token| {
            let acronyms = if index.may_be_acronym(token.folded) {
                index
                    .acronyms
                    .get(token.folded)
                    .map_or(&[][..], Vec::as_slice)
            } else {
                &[]
            };
            Word {
                id: index.keys.get(token.key).copied(),
                acronyms,
                upper: token.upper,
            }
        })
        .collect();
    let mut concepts = Vec::new();
    let mut longest: Vec<usize> = Vec::new();
    let mut start = 0;
    while let Some(word) = words.get(start) {
        let starting = word.id.and_then(|id| index.starts.get(id));
        let forms = starting.map_or(&[][..], Vec::as_slice).iter();
        let mut end = start;
        longest.clear();
        for &position in forms.chain(word.acronyms) {
            let entry = &index.entries[position];
            let matched = match entry.acronym {
                Some(cased) => word.upper || !cased,
                None => words
                    .get(start..start + entry.tokens.len())
                    .is_some_and(|window| {
                        let mut pairs = entry.tokens.iter().zip(window);
                        pairs.all(|(term, word)| word.id == Some(term.id))
                    }),
            };
            let stop = start + entry.tokens.len();
            if !matched || stop < end {
                continue;
            }
            if stop > end {
                end = stop;
                longest.clear();
            }
            // one match per concept, as `greedy` keeps one form per concept
            if !longest.contains(&entry.concept) {
                longest.push(entry.concept);
            }
        }
        if end > start {
            concepts.extend_from_slice(&longest);
            start = end;
        } else {
            start += 1;
        }
    }
    concepts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edits to read the one word `text` as the one word `term`; the text's key has the
    /// term's number when they are equal, as in the index, and none otherwise.
    fn token_edits_plain(text: &str, term: &str, budget: u8) -> Option<u8> {
        let text_tokens = orienta_text::tokenize(text);
        let term_tokens = orienta_text::tokenize(term);
        let text = text_tokens.iter().next()?;
        let term = term_tokens.iter().next()?;
        let entry_token = EntryToken {
            chars: term.folded.chars().count(),
            folded: term.folded.to_owned(),
            key: term.key.to_owned(),
            id: 7,
        };
        let text_id = (text.key == term.key).then_some(7);
        token_edits(&text, text_id, &entry_token, budget)
    }

    #[test]
    fn typo_allowance_grows_with_length() {
        assert_eq!(token_edits_plain("dete", "dette", 2), None);
        assert_eq!(token_edits_plain("detes", "dettes", 2), Some(1));
        assert_eq!(token_edits_plain("mediaton", "mediation", 2), Some(1));
        assert_eq!(token_edits_plain("mdiaton", "mediation", 2), None);
        assert_eq!(
            token_edits_plain("schuldbemidelig", "schuldbemiddeling", 2),
            Some(2)
        );
        assert_eq!(token_edits_plain("detes", "dettes", 0), None);
        assert_eq!(token_edits_plain("Dettes", "dette", 0), Some(0));
    }
}
