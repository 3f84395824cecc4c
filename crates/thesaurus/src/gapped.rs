//! Multi-word forms read with a few words inserted, for questions only: "kan niet meer
//! *alleen* koken" is "kan niet meer koken", "ne peut plus *du tout* cuisiner" is "ne peut
//! plus cuisiner", "mon compagnon *est* violent" holds "compagnon violent". Every word of
//! the form must be there exactly and in order, except that the first word of a form of
//! three words or more may come later, as a Dutch subordinate clause puts its verb last
//! ("dat ze er niet meer *wil* zijn"), and that the French `ne` may be missing, as spoken
//! French drops it ("elle cuisine plus"), and that a two-word form takes another word
//! coordinated with one of its own ("aide *psychologique et* juridique" is also "aide
//! juridique"); the inserted words stay the caller's (they are
//! searched as words of their own). Words that say how long or since when do not count
//! among the inserted ones ("ik zorg *al drie jaar* voor mijn vrouw").

use crate::found::{RawMatch, Text};
use crate::hierarchy::Hierarchy;
use crate::index::{Entry, TermIndex};
use orienta_model::Lang;
use orienta_text::{stopwords, Token};
use std::cmp::Reverse;
use std::ops::Range;

/// Words that may be inserted into one form, in total.
pub(crate) const MAX_INSERTED: usize = 2;

/// True when a folded word is a French or Dutch function word (`est`, `is`, `mon`).
fn is_function_word(folded: &str) -> bool {
    stopwords::is_stop_word(folded, Lang::Fr) || stopwords::is_stop_word(folded, Lang::Nl)
}

/// The end (one past the last word) and the number of inserted words of `entry` read from
/// `start` within `range`, if every word of the form is found in order with at most
/// [`MAX_INSERTED`] words between them. A two-word form only takes function words
/// ("compagnon *est* violent"); a longer one, specific enough, any word. Acronyms and
/// one-word forms are never gapped.
fn gapped_end(
    entry: &Entry,
    text: &Text,
    start: usize,
    range: &Range<usize>,
) -> Option<(usize, usize)> {
    let first = entry.tokens.first()?;
    if entry.acronym.is_some() || entry.tokens.len() < 2 || text.ids[start] != Some(first.id) {
        return None;
    }
    let only_function_words = entry.tokens.len() == 2;
    let mut position = start + 1;
    let mut inserted = 0;
    // The inserted words that count against [`MAX_INSERTED`] (never more than it).
    let mut counted_words = 0;
    let mut dropped = false;
    let last = entry.tokens.len() - 1;
    for (at, term) in entry.tokens.iter().enumerate().skip(1) {
        let allowed = MAX_INSERTED - counted_words;
        let found = next_at(text, term.id, position..range.end, allowed);
        let Some((found, counted_here)) = found else {
            // A negation has its verb after it: a form's last `ne` is `né` (`nouveau-né`).
            if is_dropped_negation(&term.folded) && at < last && !dropped {
                dropped = true;
                continue;
            }
            return None;
        };
        let skipped = &text.tokens[position..found];
        let function_words_only = skipped.iter().all(|token| is_function_word(token.folded));
        if only_function_words && !function_words_only && !is_coordination(skipped) {
            return None;
        }
        // A form read across time words alone still had words inserted (the exact pass
        // did not read it).
        counted_words += counted_here;
        inserted += counted_here.max(usize::from(!skipped.is_empty()));
        position = found + 1;
    }
    Some((position, inserted.max(usize::from(dropped))))
}

/// True when the words inserted into a two-word form are another word coordinated with
/// one of its own: `aide *psychologique et* juridique` holds `aide juridique`,
/// `psychologische *en juridische* steun` holds `psychologische steun`.
fn is_coordination(skipped: &[Token]) -> bool {
    let [first, second] = skipped else {
        return false;
    };
    matches!(second.folded, "et" | "ou") || matches!(first.folded, "en" | "of")
}

/// The first position in `range` holding the term `id` with at most `allowed` inserted
/// words that count before it, and how many counted: a word saying how long or since when
/// does not ("ik zorg *al drie jaar* voor mijn vrouw" is "zorg voor mijn vrouw").
fn next_at(text: &Text, id: usize, range: Range<usize>, allowed: usize) -> Option<(usize, usize)> {
    let mut counted = 0;
    for candidate in range {
        if text.ids[candidate] == Some(id) {
            return Some((candidate, counted));
        }
        if !stopwords::is_time_word(text.tokens[candidate].folded) {
            counted += 1;
            if counted > allowed {
                return None;
            }
        }
    }
    None
}

/// The French negation particle, which spoken French drops (`je sais plus` for `je ne sais
/// plus`): a form's `ne` may be missing from a question.
fn is_dropped_negation(folded: &str) -> bool {
    matches!(folded, "ne" | "n")
}

/// The end and the number of inserted words of `entry` (three words or more) read from
/// `start` with its first word moved later, as a Dutch subordinate clause puts its verb
/// last: "dat ze er niet meer *wil* zijn" is "wil er niet meer zijn", "omdat hij te veel
/// *drinkt*" is "drinkt te veel". The other words are found in order as in
/// [`gapped_end`]; the first one among the words inserted between them, or just after.
fn moved_first_end(
    entry: &Entry,
    text: &Text,
    start: usize,
    range: &Range<usize>,
) -> Option<(usize, usize)> {
    let [first, second, rest @ ..] = entry.tokens.as_slice() else {
        return None;
    };
    if entry.acronym.is_some() || rest.is_empty() || text.ids[start] != Some(second.id) {
        return None;
    }
    let mut position = start + 1;
    let mut inserted = 0;
    let mut moved = false;
    for term in rest {
        let window = MAX_INSERTED - inserted + 1 + usize::from(!moved);
        let found = (position..range.end)
            .take(window)
            .find(|&candidate| text.ids[candidate] == Some(term.id))?;
        let skipped = found - position;
        let holds_first = (position..found).any(|candidate| text.ids[candidate] == Some(first.id));
        if holds_first && !moved {
            moved = true;
            inserted += skipped - 1;
        } else {
            inserted += skipped;
        }
        if inserted > MAX_INSERTED {
            return None;
        }
        position = found + 1;
    }
    if moved {
        return Some((position, inserted));
    }
    let after = (position..range.end)
        .take(MAX_INSERTED - inserted + 1)
        .find(|&candidate| text.ids[candidate] == Some(first.id));
    let Some(after) = after else {
        // `ne mange plus` read from `mange plus`.
        return is_dropped_negation(&first.folded).then_some((position, inserted.max(1)));
    };
    Some((after + 1, inserted + (after - position)))
}

/// Gapped matches in `range`, left to right: at each position the form with the most words
/// wins, then the one with fewer inserted words; forms read without inserted words were
/// already found by the exact pass.
pub(crate) fn find_gapped(index: &TermIndex, text: &Text, range: Range<usize>) -> Vec<RawMatch> {
    let mut matches: Vec<RawMatch> = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let starts = text.ids[start].and_then(|id| index.starts.get(id));
        let seconds = text.ids[start].and_then(|id| index.seconds.get(id));
        let in_order = starts.into_iter().flatten().filter_map(|&entry| {
            let (end, inserted) = gapped_end(&index.entries[entry], text, start, &range)?;
            Some((entry, end, inserted))
        });
        let first_moved = seconds.into_iter().flatten().filter_map(|&entry| {
            let (end, inserted) = moved_first_end(&index.entries[entry], text, start, &range)?;
            // Read in order, a form is the exact pass's.
            Some((entry, end, inserted.max(1)))
        });
        // Read exactly, a form is the exact pass's: only the forms read with inserted words
        // compete here (`aide psychologique` read exactly, `aide juridique` read across
        // `psychologique et`).
        let best = in_order
            .chain(first_moved)
            .filter(|(_, _, inserted)| *inserted > 0)
            .map(|(entry, end, inserted)| {
                let words = index.entries[entry].tokens.len();
                (words, Reverse(inserted), entry, end)
            })
            .max();
        match best {
            Some((_, _, entry, end)) => {
                matches.push(RawMatch {
                    entry,
                    start,
                    end,
                    edits: 0,
                });
                start = end;
            }
            _ => start += 1,
        }
    }
    matches
}

/// `found` and the forms read with inserted words ([`find_gapped`]) that add to it, in
/// text order.
pub(crate) fn with_gapped(
    index: &TermIndex,
    hierarchy: &Hierarchy,
    text: &Text,
    mut found: Vec<RawMatch>,
) -> Vec<RawMatch> {
    let mut gapped: Vec<RawMatch> = Vec::new();
    // A form read with inserted words counts where no form is, and where it reaches past
    // the forms it overlaps when they are of an unrelated concept (`kan niet meer alleen
    // koken`: help at home, and meals) or of a broader one, which it replaces (`mon copain
    // me frappe`: partner violence rather than violence).
    for other in find_gapped(index, text, 0..text.tokens.len()) {
        let concept = index.entries[other.entry].concept;
        let overlapped = |seen: &RawMatch| seen.start < other.end && other.start < seen.end;
        let inside = |seen: &RawMatch| seen.start <= other.start && seen.end >= other.end;
        let mut narrower = false;
        let mut known = false;
        for seen in found.iter().chain(&gapped).filter(|seen| overlapped(seen)) {
            let seen_concept = index.entries[seen.entry].concept;
            if hierarchy.is_broader(seen_concept, concept) {
                narrower = true;
            } else if inside(seen) || hierarchy.related(seen_concept, concept) {
                known = true;
            }
        }
        if known {
            continue;
        }
        if narrower {
            let broader_of = |seen: &RawMatch| {
                overlapped(seen) && hierarchy.is_broader(index.entries[seen.entry].concept, concept)
            };
            found.retain(|seen| !broader_of(seen));
            gapped.retain(|seen| !broader_of(seen));
        }
        gapped.push(other);
    }
    if gapped.is_empty() {
        return found;
    }
    found.extend(gapped);
    found.sort_by_key(|known| (known.start, known.end));
    found
}
