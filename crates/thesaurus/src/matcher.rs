//! Greedy longest match of thesaurus forms over the tokens of a text, with optional
//! typo tolerance.

use crate::found::{RawMatch, Text};
use crate::hierarchy::Hierarchy;
use crate::index::{Entry, EntryToken, TermIndex};
use crate::typos::TypoKeys;
use orienta_text::{Token, Tokens};
use std::cmp::Reverse;
use std::ops::Range;

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
/// a token that is neither a word of the thesaurus itself nor a word spelled right
/// (`parce` is not `parie`, `année` is not `aînés`), and keep the first letter.
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
    // The word-list lookup last: the cheap tests above reject nearly every candidate.
    if length_gap > usize::from(allowed) || orienta_text::stopwords::is_spelled_right(text.folded) {
        return None;
    }
    let distance = strsim::damerau_levenshtein(text.key, &term.key);
    u8::try_from(distance)
        .ok()
        .filter(|edits| *edits <= allowed)
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
    typos: &TypoKeys,
    text: &Text,
    start: usize,
    max_edits: u8,
) -> impl Iterator<Item = usize> + 'a {
    let token = &text.tokens[start];
    let id = text.ids[start];
    let acronyms = index.acronyms.get(token.folded);
    let exact = id
        .and_then(|id| index.starts.get(id))
        .into_iter()
        .flatten()
        .chain(acronyms.into_iter().flatten())
        .copied();
    let close = if max_edits == 0 || id.is_some() {
        Vec::new()
    } else {
        close_candidates(index, typos, token, max_edits)
    };
    exact.chain(close)
}

/// Labels and terms whose first token is within `max_edits` of `token` (not equal to it):
/// the keys near the token's key ([`TypoKeys::near`]), each form measured as before.
fn close_candidates(
    index: &TermIndex,
    typos: &TypoKeys,
    token: &Token,
    max_edits: u8,
) -> Vec<usize> {
    let mut found = Vec::new();
    for id in typos.near(token.key, max_edits) {
        for &position in &index.starts[id] {
            let first = &index.entries[position].tokens[0];
            if token_edits(token, None, first, max_edits).is_some() {
                found.push(position);
            }
        }
    }
    found
}

/// Greedy left-to-right matching of forms starting in `range`, never ending where `cuts`
/// says (inside an exact match): at each position the longest form wins, then the one
/// with fewer edits; within a concept, the form written as in the text.
fn greedy(
    index: &TermIndex,
    typos: &TypoKeys,
    text: &Text,
    range: Range<usize>,
    cuts: &[bool],
    max_edits: u8,
) -> Vec<RawMatch> {
    let mut matches = Vec::new();
    let mut best: Vec<RawMatch> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        best.clear();
        for entry in candidates(index, typos, text, start, max_edits) {
            let length = index.entries[entry].tokens.len();
            let end = start + length;
            if cuts.get(end).copied().unwrap_or(true) {
                continue;
            }
            let Some(edits) = entry_edits(
                &index.entries[entry],
                text,
                start,
                cuts.len() - 1,
                max_edits,
            ) else {
                continue;
            };
            let found = RawMatch {
                entry,
                start,
                end,
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

/// Matches in text order (non-overlapping for records). Exact matches are found first; with
/// `max_edits` > 0 (questions), forms of unrelated concepts that overlap them are added,
/// typo-tolerant matches fill the gaps between them (covering exact ones whole), then forms
/// read with a few inserted words are added where they say more
/// ([`crate::gapped::with_gapped`]), and forms that speak or whose Dutch verb a particle
/// changes are left out ([`reads_as_need`]). Forms shared by several concepts yield one
/// match each.
pub(crate) fn find(
    index: &TermIndex,
    typos: &TypoKeys,
    hierarchy: &Hierarchy,
    tokens: &Tokens,
    max_edits: u8,
) -> Vec<RawMatch> {
    let tokens: Vec<Token> = tokens.iter().collect();
    let ids = tokens
        .iter()
        .map(|token| index.keys.get(token.key).copied())
        .collect();
    let text = Text { tokens, ids };
    let length = text.tokens.len();
    let mut cuts = vec![false; length + 1];
    let exact = greedy(index, typos, &text, 0..length, &cuts, 0);
    if max_edits == 0 {
        return exact;
    }
    let exact = with_overlapping(index, typos, hierarchy, &text, exact);
    // A typo-tolerant form may cover exact ones whole (`mediaton de dettes` is debt
    // mediation, not `dettes` alone), never cut one in two.
    for known in &exact {
        cuts[known.start + 1..known.end]
            .iter_mut()
            .for_each(|cut| *cut = true);
    }
    let mut all = Vec::new();
    let mut covered = 0;
    // Where the last typo-tolerant form ends: the exact forms before are inside it.
    let mut typo_end = 0;
    for found in &exact {
        if found.start >= covered {
            let gap = greedy(index, typos, &text, covered..found.start, &cuts, max_edits);
            covered = gap.last().map_or(covered, |last| last.end);
            typo_end = covered;
            all.extend(gap);
        }
        if found.start >= typo_end {
            covered = covered.max(found.end);
            all.push(*found);
        }
    }
    if covered < length {
        all.extend(greedy(
            index,
            typos,
            &text,
            covered..length,
            &cuts,
            max_edits,
        ));
    }
    let mut found = crate::gapped::with_gapped(index, hierarchy, &text, all);
    found.retain(|found| reads_as_need(&text.tokens, found));
    found
}

/// In a question, a form names a need unless it speaks or is told ([`crate::actor`]), is
/// the asker ([`crate::asker`]) or a Dutch particle after it changes its verb
/// ([`crate::particle`]).
fn reads_as_need(tokens: &[Token], found: &RawMatch) -> bool {
    let (start, end) = (found.start, found.end);
    !crate::actor::speaks_or_is_told(tokens, start, end)
        && !crate::asker::introduces_the_asker(tokens, start, end)
        && !crate::particle::changed_by_particle(tokens, start, end)
}

/// `exact` and the forms of unrelated concepts that start inside one of its forms and end
/// after it: in a question, `je n'arrive plus à payer mon loyer` tells a debt
/// (`arrive plus à payer`) and the rent (`payer mon loyer`); the greedy reading keeps the
/// first only. In text order.
fn with_overlapping(
    index: &TermIndex,
    typos: &TypoKeys,
    hierarchy: &Hierarchy,
    text: &Text,
    exact: Vec<RawMatch>,
) -> Vec<RawMatch> {
    let no_cuts = vec![false; text.tokens.len() + 1];
    let mut overlapping = Vec::new();
    for found in &exact {
        let concept = index.entries[found.entry].concept;
        for start in found.start + 1..found.end {
            let later = greedy(index, typos, text, start..start + 1, &no_cuts, 0);
            overlapping.extend(later.into_iter().filter(|other| {
                other.end > found.end
                    && !hierarchy.related(index.entries[other.entry].concept, concept)
            }));
        }
    }
    if overlapping.is_empty() {
        return exact;
    }
    let mut all = exact;
    for other in overlapping {
        let known = all.iter().any(|seen| {
            let same_concept =
                index.entries[seen.entry].concept == index.entries[other.entry].concept;
            same_concept && seen.start <= other.start && seen.end >= other.end
        });
        if !known {
            all.push(other);
        }
    }
    all.sort_by_key(|found| (found.start, found.end));
    all
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

    /// The scan `close_candidates` replaced: every key, first letter and length first.
    fn scanned_candidates(index: &TermIndex, token: &Token, max_edits: u8) -> Vec<usize> {
        let mut found = Vec::new();
        let first_letter = token.key.as_bytes().first();
        let key_chars = token.key.chars().count();
        for (key, &id) in &index.keys {
            let entries = &index.starts[id];
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

    /// Typos of a word: a character dropped, doubled, replaced by `x`, preceded by `é` or
    /// swapped with the next, at the second, middle and last place, and two at once.
    fn typos_of(word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let mut places = vec![1, chars.len() / 2, chars.len().saturating_sub(1)];
        places.dedup();
        let mut typos = Vec::new();
        for at in places.into_iter().filter(|at| *at < chars.len()) {
            let mut edit = |change: &dyn Fn(&mut Vec<char>)| {
                let mut typo = chars.clone();
                change(&mut typo);
                typos.push(typo.into_iter().collect::<String>());
            };
            edit(&|typo| {
                typo.remove(at);
            });
            edit(&|typo| typo.insert(at, chars[at]));
            edit(&|typo| typo[at] = 'x');
            edit(&|typo| typo.insert(at, 'é'));
            if at + 1 < chars.len() {
                edit(&|typo| typo.swap(at, at + 1));
            }
        }
        let once = typos.clone();
        for typo in once.iter().step_by(4) {
            let mut twice: Vec<char> = typo.chars().collect();
            if twice.len() > 2 {
                // the second letter and the last swapped: a second edit
                let last = twice.len() - 1;
                twice.swap(1, last);
            }
            typos.push(twice.into_iter().collect());
            typos.push(format!("{typo}s"));
        }
        typos
    }

    /// The automaton finds what the scan of every key found, with the same edits, for
    /// typos of every key of the bundled thesaurus — but for the pairs that are within the
    /// budget only when an edit falls between two swapped letters (see [`TypoKeys::near`]),
    /// which are counted and must stay few.
    #[test]
    fn typo_lookup_finds_what_the_key_scan_found() {
        let thesaurus = crate::Thesaurus::bundled();
        let (index, typos) = thesaurus.term_index();
        let mut words: Vec<String> = Vec::new();
        for key in index.keys.keys() {
            words.extend(typos_of(key));
        }
        let (mut compared, mut found, mut lost) = (0, 0, 0);
        for word in &words {
            let tokens = orienta_text::tokenize(word);
            let Some(token) = tokens.iter().next() else {
                continue;
            };
            for max_edits in [1, 2] {
                let edits = |positions: Vec<usize>| {
                    let mut measured: Vec<(usize, Option<u8>)> = positions
                        .into_iter()
                        .map(|position| {
                            let first = &index.entries[position].tokens[0];
                            (position, token_edits(&token, None, first, max_edits))
                        })
                        .collect();
                    measured.sort_unstable();
                    measured
                };
                let automaton = edits(close_candidates(index, typos, &token, max_edits));
                let mut scanned = edits(scanned_candidates(index, &token, max_edits));
                compared += 1;
                found += usize::from(!scanned.is_empty());
                let before = scanned.len();
                scanned.retain(|(position, _)| {
                    let key = &index.entries[*position].tokens[0].key;
                    strsim::osa_distance(token.key, key) <= usize::from(max_edits)
                });
                lost += before - scanned.len();
                assert_eq!(automaton, scanned, "{word} with {max_edits} edits");
            }
        }
        assert!(found > compared / 4, "{found} of {compared}");
        assert!(lost * 50 < found, "{lost} lost of {found}");
        println!("{compared} lookups, {found} with candidates, {lost} candidates lost");
    }

    /// The one kind of typo the scan found and the automaton does not offer: a letter
    /// typed between two swapped ones (two Damerau–Levenshtein edits, three for the
    /// automaton; see [`TypoKeys::near`]). Each edit alone is still found.
    #[test]
    fn a_letter_between_swapped_letters_is_no_longer_offered() {
        let thesaurus = crate::Thesaurus::bundled();
        let (index, typos) = thesaurus.term_index();
        let sorted = |mut positions: Vec<usize>| {
            positions.sort_unstable();
            positions
        };
        for (word, equal) in [
            ("medaition", true),
            ("mediaxtion", true),
            ("medaxition", false),
        ] {
            let tokens = orienta_text::tokenize(word);
            let token = tokens.iter().next().expect("one token");
            let scanned = sorted(scanned_candidates(index, &token, 2));
            assert!(!scanned.is_empty(), "{word}");
            let automaton = sorted(close_candidates(index, typos, &token, 2));
            assert_eq!(automaton == scanned, equal, "{word}");
        }
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
