//! Greedy longest match of thesaurus forms over the tokens of a text, with optional
//! typo tolerance.

use crate::fold::Token;
use crate::index::{Entry, EntryToken, TermIndex};
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

/// Edits needed to read `text` as `term`, if within `budget` and the length allowance.
/// Typos are only considered for a `typo` token (not a word of the thesaurus itself) and
/// keep the first letter.
fn token_edits(text: &Token, typo: bool, term: &EntryToken, budget: u8) -> Option<u8> {
    if text.key == term.key {
        return Some(0);
    }
    if !typo || text.key.chars().next() != term.key.chars().next() {
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
    let distance = strsim::damerau_levenshtein(&text.key, &term.key);
    u8::try_from(distance)
        .ok()
        .filter(|edits| *edits <= allowed)
}

/// The text being matched: its tokens and which of them may be typos.
struct Text<'a> {
    tokens: &'a [Token],
    typo: Vec<bool>,
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
    let mut used = 0u8;
    for (offset, term) in entry.tokens.iter().enumerate() {
        let position = start + offset;
        let typo = text.typo[position];
        used += token_edits(&text.tokens[position], typo, term, max_edits - used)?;
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
    let exact = index
        .by_first_key
        .get(&token.key)
        .into_iter()
        .flatten()
        .chain(index.acronyms.get(&token.folded).into_iter().flatten())
        .copied();
    let close = if max_edits == 0 || !text.typo[start] {
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
    for (key, entries) in &index.by_first_key {
        // cheap filters before any distance: other first letter, or too long or short
        let far = key.chars().count().abs_diff(key_chars) > usize::from(max_edits);
        if *key == token.key || key.as_bytes().first() != first_letter || far {
            continue;
        }
        for &position in entries {
            let first = &index.entries[position].tokens[0];
            if token_edits(token, true, first, max_edits).is_some() {
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
    let mut start = range.start;
    while start < range.end {
        let mut best: Vec<RawMatch> = Vec::new();
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
pub(crate) fn find(index: &TermIndex, tokens: &[Token], max_edits: u8) -> Vec<RawMatch> {
    // Exact matching never reads the typo marks: no lookups for it.
    let typo = match max_edits {
        0 => vec![false; tokens.len()],
        _ => tokens
            .iter()
            .map(|token| !index.known_keys.contains(&token.key))
            .collect(),
    };
    let text = Text { tokens, typo };
    let exact = greedy(index, &text, 0..tokens.len(), 0);
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
    all.extend(greedy(index, &text, covered..tokens.len(), max_edits));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str) -> Token {
        crate::fold::tokenize(text).remove(0)
    }

    fn entry_token(text: &str) -> EntryToken {
        let token = token(text);
        EntryToken {
            chars: token.folded.chars().count(),
            folded: token.folded,
            key: token.key,
        }
    }

    fn token_edits_plain(text: &Token, term: &EntryToken, budget: u8) -> Option<u8> {
        token_edits(text, true, term, budget)
    }

    #[test]
    fn typo_allowance_grows_with_length() {
        assert_eq!(
            token_edits_plain(&token("dete"), &entry_token("dette"), 2),
            None
        );
        assert_eq!(
            token_edits_plain(&token("detes"), &entry_token("dettes"), 2),
            Some(1)
        );
        assert_eq!(
            token_edits_plain(&token("mediaton"), &entry_token("mediation"), 2),
            Some(1)
        );
        assert_eq!(
            token_edits_plain(&token("mdiaton"), &entry_token("mediation"), 2),
            None
        );
        assert_eq!(
            token_edits_plain(
                &token("schuldbemidelig"),
                &entry_token("schuldbemiddeling"),
                2
            ),
            Some(2)
        );
        assert_eq!(
            token_edits_plain(&token("detes"), &entry_token("dettes"), 0),
            None
        );
        assert_eq!(
            token_edits_plain(&token("Dettes"), &entry_token("dette"), 0),
            Some(0)
        );
    }
}
