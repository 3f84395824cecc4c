//! Needs guessed from the words of a question that reads none. A question may tell its
//! situation in words no form holds whole (`on vit à six dans un studio insalubre`), while
//! one of its words belongs to the forms of one need only (`insalubre`: housing). Each
//! content word of the thesaurus's forms votes for the needs whose forms hold it.

use crate::index::TermIndex;
use orienta_model::Lang;
use orienta_text::{stopwords, Token};
use rustc_hash::FxHashMap;

/// A word votes only when the forms holding it belong to this many needs at most.
const MAX_NEEDS_PER_WORD: usize = 3;

/// A need counts for a word only when at least this many of its forms hold the word.
const MIN_FORMS: u32 = 2;

/// The score a need must reach to be guessed (one word of one need alone reaches 1.0).
const MIN_SCORE: f32 = 0.5;

/// How many needs a question may be guessed to tell at most.
const MAX_GUESSED: usize = 2;

/// For each token key of the forms (by number), the needs whose forms hold it and how many
/// of their forms do.
#[derive(Debug, Default)]
pub(crate) struct WordNeeds {
    by_key: FxHashMap<usize, Vec<(usize, u32)>>,
}

/// True when a folded word may vote: 4 letters or more, no function word, no word that
/// carries no need.
fn votes(folded: &str) -> bool {
    folded.chars().count() >= 4
        && !stopwords::is_stop_word(folded, Lang::Fr)
        && !stopwords::is_stop_word(folded, Lang::Nl)
        && !stopwords::is_no_need(folded)
}

impl WordNeeds {
    /// Counts, for every content word of the forms of `index` (acronyms left out), the
    /// forms of each need holding it.
    pub(crate) fn build(index: &TermIndex) -> Self {
        let mut by_key: FxHashMap<usize, Vec<(usize, u32)>> = FxHashMap::default();
        for entry in index.entries.iter().filter(|entry| entry.acronym.is_none()) {
            let mut seen: Vec<usize> = Vec::new();
            for token in entry.tokens.iter().filter(|token| votes(&token.folded)) {
                if seen.contains(&token.id) {
                    continue;
                }
                seen.push(token.id);
                let needs = by_key.entry(token.id).or_default();
                match needs
                    .iter_mut()
                    .find(|(concept, _)| *concept == entry.concept)
                {
                    Some((_, forms)) => *forms += 1,
                    None => needs.push((entry.concept, 1)),
                }
            }
        }
        Self { by_key }
    }

    /// The needs (by position) the content words of `tokens` point to, best first: each
    /// word held by the forms of at most [`MAX_NEEDS_PER_WORD`] needs gives each of them
    /// its share of the word's forms, divided by their number.
    pub(crate) fn guess(&self, index: &TermIndex, tokens: &[Token]) -> Vec<usize> {
        let mut scores: Vec<(usize, f32)> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for token in tokens.iter().filter(|token| votes(token.folded)) {
            let Some(id) = index.id_of(token) else {
                continue;
            };
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let Some(all_needs) = self.by_key.get(&id) else {
                continue;
            };
            // A word in the forms of many needs is an everyday word (`beaucoup`, `peur`).
            if all_needs.len() > MAX_NEEDS_PER_WORD {
                continue;
            }
            let needs: Vec<(usize, u32)> = all_needs
                .iter()
                .copied()
                .filter(|&(_, forms)| forms >= MIN_FORMS)
                .collect();
            if needs.is_empty() {
                continue;
            }
            let total: u32 = needs.iter().map(|&(_, forms)| forms).sum();
            for (concept, forms) in needs.iter().copied() {
                let share = forms as f32 / total as f32 / needs.len() as f32;
                match scores.iter_mut().find(|(known, _)| *known == concept) {
                    Some((_, score)) => *score += share,
                    None => scores.push((concept, share)),
                }
            }
        }
        scores.retain(|&(_, score)| score >= MIN_SCORE);
        scores.sort_by(|left, right| right.1.total_cmp(&left.1));
        scores.truncate(MAX_GUESSED);
        scores.into_iter().map(|(concept, _)| concept).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Thesaurus;

    #[test]
    fn a_word_of_one_need_s_forms_guesses_it() {
        let thesaurus = Thesaurus::bundled();
        let text = "on vit à six dans un studio insalubre";
        assert!(thesaurus.match_text(text, 2).is_empty(), "no form is read");
        assert_eq!(thesaurus.guess_needs(text), ["housing"]);
    }

    #[test]
    fn everyday_words_guess_nothing() {
        let thesaurus = Thesaurus::bundled();
        assert!(thesaurus.guess_needs("il fait beau aujourd'hui").is_empty());
        assert!(thesaurus
            .guess_needs("ik zou eens een weekend weg willen")
            .is_empty());
    }
}
