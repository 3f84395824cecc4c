//! The needs a record's Dutch compound names by its last part. Dutch compounds are
//! head-final: an `eerstelijnsgezondheidscentrum` is a `gezondheidscentrum`, a
//! `huurwoning` a `woning`, `kinderarmoede` is `armoede`. A service's text often names
//! what it is by a compound nobody listed; its head, when it is a one-word Dutch form of a
//! concept, tells the need.

use crate::found::RawMatch;
use crate::index::TermIndex;
use orienta_model::Lang;
use orienta_text::compound::{MIN_COMPOUND_CHARS, MIN_PART_CHARS};
use orienta_text::Tokens;
use rustc_hash::FxHashMap;

/// Shortest head read, in characters: shorter forms end too many unrelated words
/// (`eten` ends `vergeten`, `zorg` ends every kind of care).
const MIN_HEAD_CHARS: usize = 6;

/// The one-word Dutch forms of the record terms, by matching key (plural endings off, so
/// `huurwoningen` ends with `woning`): the heads a compound may end with.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompoundHeads {
    /// The entries of each head, by its matching key.
    entries_by_head: FxHashMap<String, Vec<usize>>,
}

impl CompoundHeads {
    /// The one-word Dutch forms of `index` (no acronym, no situation word) of at least
    /// [`MIN_HEAD_CHARS`] characters.
    pub(crate) fn build(index: &TermIndex) -> Self {
        let mut entries_by_head: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (position, entry) in index.entries.iter().enumerate() {
            let one_dutch_word = entry.tokens.len() == 1
                && entry.lang == Some(Lang::Nl)
                && entry.acronym.is_none()
                && !entry.situation;
            let Some(head) = entry.tokens.first().filter(|_| one_dutch_word) else {
                continue;
            };
            if head.key.chars().count() >= MIN_HEAD_CHARS {
                entries_by_head
                    .entry(head.key.clone())
                    .or_default()
                    .push(position);
            }
        }
        Self { entries_by_head }
    }

    /// The matches of the compounds of `tokens` by their head: a word no match of `found`
    /// covers, ending with a head after a first part of [`MIN_PART_CHARS`] characters at
    /// least (the longest head wins).
    pub(crate) fn matches(&self, tokens: &Tokens, found: &[RawMatch]) -> Vec<RawMatch> {
        let mut matches = Vec::new();
        for (position, token) in tokens.iter().enumerate() {
            let covered = found
                .iter()
                .any(|known| (known.start..known.end).contains(&position));
            if covered || token.folded.chars().count() < MIN_COMPOUND_CHARS {
                continue;
            }
            let Some(entries) = self.head_of(token.key) else {
                continue;
            };
            matches.extend(entries.iter().map(|&entry| RawMatch {
                entry,
                start: position,
                end: position + 1,
                edits: 0,
            }));
        }
        matches
    }

    /// The entries of the longest head the matching key `key` ends with, after a first
    /// part.
    fn head_of(&self, key: &str) -> Option<&Vec<usize>> {
        key.char_indices()
            .map(|(offset, _)| offset)
            .skip(MIN_PART_CHARS)
            .map(|offset| &key[offset..])
            .take_while(|head| head.chars().count() >= MIN_HEAD_CHARS)
            .find_map(|head| self.entries_by_head.get(head))
    }
}

#[cfg(test)]
mod tests {
    use crate::Thesaurus;

    #[test]
    fn a_dutch_compound_names_the_need_of_its_head() {
        let thesaurus = Thesaurus::bundled();
        let needs = thesaurus.needs_for_text("Eerstelijnsgezondheidscentrum in de Noordwijk");
        assert!(
            needs.contains(&"community-health-centre".to_owned()),
            "{needs:?}"
        );
        let needs = thesaurus.needs_for_text("Hulp bij het zoeken naar huurwoningen");
        assert!(needs.contains(&"housing".to_owned()), "{needs:?}");
    }

    #[test]
    fn a_short_ending_or_a_word_alone_names_nothing() {
        let thesaurus = Thesaurus::bundled();
        // `eten` is a form, but too short a head: `vergeten` is no food.
        assert!(thesaurus.needs_for_text("Ik ben het vergeten").is_empty());
        // A head needs a first part: `woning` alone is a form, matched as one.
        assert_eq!(thesaurus.needs_for_text("woning"), ["housing"]);
    }
}
