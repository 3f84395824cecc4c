//! Prefix suggestions over labels, terms and acronyms (autocomplete).

use crate::file::ConceptRecord;
use crate::forms::{forms, FormKind};
use orienta_model::Lang;
use orienta_text::fold;
use serde::Serialize;

/// A concept suggested for a typed prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The concept id.
    pub concept: String,
    /// Its preferred label in the requested language (or the fallback one).
    pub label: String,
    /// The label, term or acronym that starts with the prefix, as written in the thesaurus.
    pub matched: String,
}

/// One suggestable form.
#[derive(Debug, Clone)]
pub(crate) struct SuggestEntry {
    concept: usize,
    folded: String,
    text: String,
    lang: Option<Lang>,
    kind: FormKind,
}

/// Every label, term and acronym, folded.
pub(crate) fn build(records: &[ConceptRecord]) -> Vec<SuggestEntry> {
    let mut entries = Vec::new();
    for (concept, record) in records.iter().enumerate() {
        for form in forms(record) {
            entries.push(SuggestEntry {
                concept,
                folded: fold(form.text),
                text: form.text.to_owned(),
                lang: form.lang,
                kind: form.kind,
            });
        }
    }
    entries
}

/// Rank of an entry for a prefix (lower is better), `None` when it does not match.
/// Whole-form prefixes beat word prefixes; labels beat terms; the requested language
/// beats the others.
/// `word_prefix` is the prefix preceded by a space.
fn rank(entry: &SuggestEntry, prefix: &str, word_prefix: &str, lang: Lang) -> Option<u8> {
    let whole = entry.folded.starts_with(prefix);
    let word = !whole && entry.folded.contains(word_prefix);
    if !whole && !word {
        return None;
    }
    let same_lang = entry.lang.is_none_or(|entry_lang| entry_lang == lang);
    let base = match (entry.kind, same_lang) {
        (FormKind::Label, true) => 0,
        (FormKind::Label, false) => 1,
        (FormKind::Term | FormKind::Situation | FormKind::Acronym { .. }, true) => 2,
        (FormKind::Term | FormKind::Situation | FormKind::Acronym { .. }, false) => 3,
    };
    Some(if whole { base } else { base + 4 })
}

/// The best entry per concept for `prefix`, best first, at most `limit`.
/// Returns (concept position, matched text) pairs.
pub(crate) fn suggest<'a>(
    entries: &'a [SuggestEntry],
    prefix: &str,
    lang: Lang,
    limit: usize,
) -> Vec<(usize, &'a str)> {
    let prefix = fold(prefix);
    if prefix.is_empty() || limit == 0 {
        return Vec::new();
    }
    let word_prefix = format!(" {prefix}");
    // per concept: (rank, matched length, matched text)
    let mut best: Vec<Option<(u8, usize, &str)>> = Vec::new();
    for entry in entries {
        let Some(rank) = rank(entry, &prefix, &word_prefix, lang) else {
            continue;
        };
        if best.len() <= entry.concept {
            best.resize(entry.concept + 1, None);
        }
        let candidate = (rank, entry.folded.len(), entry.text.as_str());
        let slot = &mut best[entry.concept];
        if slot.is_none_or(|current| (candidate.0, candidate.1) < (current.0, current.1)) {
            *slot = Some(candidate);
        }
    }
    let mut ranked: Vec<(u8, usize, usize, &str)> = best
        .into_iter()
        .enumerate()
        .filter_map(|(concept, found)| found.map(|(rank, len, text)| (rank, len, concept, text)))
        .collect();
    ranked.sort_unstable();
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(_, _, concept, text)| (concept, text))
        .collect()
}
