//! The term index: every surface form of every concept as a token sequence, looked up
//! by its first token.

use crate::file::ConceptRecord;
use crate::forms::{forms, FormKind};
use orienta_model::Lang;
use orienta_text::{match_key, tokenize};
use rustc_hash::FxHashMap;
use std::collections::{BTreeSet, HashSet};

/// One token of an indexed form.
#[derive(Debug, Clone)]
pub(crate) struct EntryToken {
    /// Folded token.
    pub folded: String,
    /// Matching key (see [`orienta_text::match_key`]).
    pub key: String,
    /// Length of `folded` in characters (drives typo tolerance).
    pub chars: usize,
    /// The number of `key` in [`TermIndex::keys`].
    pub id: usize,
}

/// One indexed form of a concept.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Position of the concept.
    pub concept: usize,
    /// The folded form, tokens joined by spaces.
    pub folded: String,
    /// Its tokens.
    pub tokens: Vec<EntryToken>,
    /// The language when the form belongs to exactly one.
    pub lang: Option<Lang>,
    /// `Some(cased)` for acronyms.
    pub acronym: Option<bool>,
    /// Only a situation word (it tells the caller's situation, not what a service does).
    pub situation: bool,
}

/// All forms, by first token.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermIndex {
    /// Every entry.
    pub entries: Vec<Entry>,
    /// Every token key of every form, numbered: words of the thesaurus are never read
    /// as typos, and matching compares numbers instead of strings.
    pub keys: FxHashMap<String, usize>,
    /// Labels and terms (not acronyms) by the number of their first token's key.
    pub starts: Vec<Vec<usize>>,
    /// Acronyms by folded token.
    pub acronyms: FxHashMap<String, Vec<usize>>,
    /// Forms of three words or more by the number of their second token's key: read with
    /// their first word moved ([`crate::gapped`]).
    pub seconds: Vec<Vec<usize>>,
}

/// The language of a form found in several languages of one concept: the only one, or
/// the official one when the other is English, or none ("Housing First", "psychiatrie").
fn resolve_lang(langs: &BTreeSet<Lang>) -> Option<Lang> {
    let official: Vec<Lang> = langs
        .iter()
        .copied()
        .filter(|lang| *lang != Lang::En)
        .collect();
    match official.as_slice() {
        [] => langs.first().copied(),
        [only] => Some(*only),
        _ => None,
    }
}

/// The forms of one concept with the same folded text (and acronym flag), merged.
struct MergedForm<'a> {
    folded: String,
    acronym: Option<bool>,
    /// The first form's text, as written.
    text: &'a str,
    langs: BTreeSet<Lang>,
    /// Every merged form is a situation word.
    only_situation: bool,
}

/// The forms of a concept merged by folded text and acronym flag; situation words only
/// when `questions`. Variants that only share a key (singular / plural) stay apart so
/// matches report the literal one.
fn merged_forms(record: &ConceptRecord, questions: bool) -> Vec<MergedForm<'_>> {
    let mut merged: Vec<MergedForm<'_>> = Vec::new();
    for form in forms(record) {
        let acronym = match form.kind {
            FormKind::Situation if !questions => continue,
            FormKind::Acronym { cased } => Some(cased),
            FormKind::Label | FormKind::Term | FormKind::Situation => None,
        };
        let situation = form.kind == FormKind::Situation;
        let tokens = tokenize(form.text);
        if tokens.is_empty() {
            continue;
        }
        let folded: Vec<&str> = tokens.iter().map(|token| token.folded).collect();
        let folded = folded.join(" ");
        let existing = merged
            .iter_mut()
            .find(|other| other.folded == folded && other.acronym.is_some() == acronym.is_some());
        match existing {
            Some(other) => {
                other.langs.extend(form.lang);
                other.only_situation &= situation;
            }
            None => merged.push(MergedForm {
                folded,
                acronym,
                text: form.text,
                langs: form.lang.into_iter().collect(),
                only_situation: situation,
            }),
        }
    }
    merged
}

impl TermIndex {
    /// Indexes the forms of every concept, merging duplicates within a concept; situation
    /// words only when `questions` (the index that reads records leaves them out).
    pub fn build(records: &[ConceptRecord], questions: bool) -> Self {
        let mut index = TermIndex::default();
        for (concept, record) in records.iter().enumerate() {
            for form in merged_forms(record, questions) {
                index.push(Entry {
                    concept,
                    folded: String::new(),
                    tokens: tokenize(form.text)
                        .iter()
                        .map(|token| EntryToken {
                            chars: token.folded.chars().count(),
                            folded: token.folded.to_owned(),
                            key: token.key.to_owned(),
                            id: 0,
                        })
                        .collect(),
                    lang: if form.acronym.is_some() {
                        None
                    } else {
                        resolve_lang(&form.langs)
                    },
                    acronym: form.acronym,
                    situation: form.only_situation,
                });
            }
        }
        if questions {
            index.add_other_persons();
        }
        index
    }

    /// Adds each Dutch form of several words again with one verb in another person
    /// (`slaat` → `slaan`, `slaap`), unless a form already reads so ([`orienta_text::dutch::other_persons`]).
    fn add_other_persons(&mut self) {
        let written: HashSet<String> = self
            .entries
            .iter()
            .map(|entry| entry.folded.clone())
            .collect();
        let mut variants: Vec<Entry> = Vec::new();
        // A verb alone (`eet`) says too little to be read in every person (`eten` is food).
        let dutch_phrases = self
            .entries
            .iter()
            .filter(|entry| entry.lang == Some(Lang::Nl) && entry.tokens.len() > 1);
        for entry in dutch_phrases {
            for (position, token) in entry.tokens.iter().enumerate() {
                for person in orienta_text::dutch::other_persons(&token.folded) {
                    let mut variant = entry.clone();
                    variant.tokens[position] = EntryToken {
                        chars: person.chars().count(),
                        key: match_key(&person),
                        folded: person,
                        id: 0,
                    };
                    let folded: Vec<&str> = variant
                        .tokens
                        .iter()
                        .map(|token| token.folded.as_str())
                        .collect();
                    if !written.contains(&folded.join(" ")) {
                        variants.push(variant);
                    }
                }
            }
        }
        for variant in variants {
            self.push(variant);
        }
    }

    /// The number of a text token's key, if a form holds it.
    pub(crate) fn id_of(&self, token: &orienta_text::Token) -> Option<usize> {
        self.keys.get(token.key).copied()
    }

    fn push(&mut self, mut entry: Entry) {
        let folded: Vec<&str> = entry
            .tokens
            .iter()
            .map(|token| token.folded.as_str())
            .collect();
        entry.folded = folded.join(" ");
        for token in &mut entry.tokens {
            let next = self.keys.len();
            token.id = *self.keys.entry(token.key.clone()).or_insert(next);
        }
        self.starts.resize_with(self.keys.len(), Vec::new);
        self.seconds.resize_with(self.keys.len(), Vec::new);
        let Some(first) = entry.tokens.first() else {
            return;
        };
        let position = self.entries.len();
        if let (None, [_, second, _, ..]) = (entry.acronym, entry.tokens.as_slice()) {
            self.seconds[second.id].push(position);
        }
        match entry.acronym {
            Some(_) => self
                .acronyms
                .entry(first.folded.clone())
                .or_default()
                .push(position),
            None => self.starts[first.id].push(position),
        }
        self.entries.push(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_of_a_form_in_several_languages() {
        let both: BTreeSet<Lang> = [Lang::Fr, Lang::Nl, Lang::En].into();
        assert_eq!(resolve_lang(&both), None);
        assert_eq!(resolve_lang(&[Lang::Fr, Lang::En].into()), Some(Lang::Fr));
        assert_eq!(resolve_lang(&[Lang::En].into()), Some(Lang::En));
    }
}
