//! Every phrase an area text is read with — cue words and place names — in one table built
//! once, with the set of the words a phrase can start with: most words of a text start none
//! and cost one hash lookup (reading each phrase through the city-name resolver made the
//! import of 100k records 25 times slower).

use super::cues::{self, Cue};
use orienta_territory::{PlaceName, Tagger};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a phrase is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Entry {
    /// A cue word.
    Cue(Cue),
    /// A commune (NIS code).
    Commune(String),
    /// The Region.
    Region,
    /// "la commune", "de gemeente".
    OwnCommune,
    /// "du quartier", "uit de wijk".
    OwnQuartier,
    /// "Bruxelles" / "Brussel" alone: the city or the Region, from the words around it.
    Bruxelles,
}

/// The phrase table.
pub(super) struct Lexicon {
    entries: HashMap<String, Entry>,
    /// Every phrase's leading words (`la`, `la commune`, `toute`, `toute la`…).
    prefixes: HashSet<String>,
    /// Folded one- and two-word commune names, for a misspelt name.
    pub commune_names: Vec<(String, String)>,
}

impl Lexicon {
    fn build(tagger: &Tagger) -> Self {
        let mut entries: HashMap<String, Entry> = HashMap::new();
        for (name, named) in tagger.place_names() {
            let entry = match named {
                PlaceName::Commune(nis) => Entry::Commune(nis),
                PlaceName::Region => Entry::Region,
                PlaceName::Unknown => continue,
            };
            entries.insert(name, entry);
        }
        for phrase in cues::REGION {
            entries.insert((*phrase).to_owned(), Entry::Region);
        }
        for phrase in cues::OWN_COMMUNE {
            entries.insert((*phrase).to_owned(), Entry::OwnCommune);
        }
        for phrase in cues::OWN_QUARTIER {
            entries.insert((*phrase).to_owned(), Entry::OwnQuartier);
        }
        for (phrase, cue) in cues::all() {
            entries.insert(phrase.to_owned(), Entry::Cue(cue));
        }
        for name in ["bruxelles", "brussel"] {
            entries.insert(name.to_owned(), Entry::Bruxelles);
        }
        let mut prefixes = HashSet::new();
        for phrase in entries.keys() {
            let words: Vec<&str> = phrase.split(' ').collect();
            for count in 1..=words.len() {
                prefixes.insert(words[..count].join(" "));
            }
        }
        let commune_names = tagger
            .communes()
            .iter()
            .flat_map(|commune| [(&commune.fr, &commune.nis), (&commune.nl, &commune.nis)])
            .map(|(name, nis)| (orienta_text::fold(name), nis.clone()))
            .filter(|(name, _)| name.split(' ').count() <= 2)
            .collect();
        Self {
            entries,
            prefixes,
            commune_names,
        }
    }

    /// The longest phrase of `words` starting at `position`, with what it is and the words
    /// it spans.
    pub fn longest_at(&self, words: &[&str], position: usize) -> Option<(&Entry, usize)> {
        let first = words[position];
        if !self.prefixes.contains(first) {
            return None;
        }
        let mut phrase = first.to_owned();
        let mut found = self.entries.get(&phrase).map(|entry| (entry, 1));
        for (offset, word) in words[position + 1..].iter().enumerate() {
            phrase.push(' ');
            phrase.push_str(word);
            if !self.prefixes.contains(&phrase) {
                break;
            }
            if let Some(entry) = self.entries.get(&phrase) {
                found = Some((entry, offset + 2));
            }
        }
        found
    }
}

/// The table, built on first use (the bundled place names do not change).
pub(super) fn lexicon(tagger: &Tagger) -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::build(tagger))
}
