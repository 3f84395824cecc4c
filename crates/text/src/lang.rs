//! Whether a text is French or Dutch: marker words first (reliable on a few words, where
//! statistical detectors are not), whatlang on longer running texts.
//!
//! Three questions, one word list ([`crate::markers`]):
//! - [`guess_text`]: a record's description, audience or hours (French, Dutch or English);
//! - [`guess_name`]: an organisation name, from its legal form only;
//! - [`guess_query`]: a query of a few words, helped by a vocabulary (the thesaurus's).

use crate::fold::fold_word_into;
use crate::markers::{
    DUTCH, DUTCH_COMPOUND_ENDINGS, DUTCH_LEGAL_FORMS, FRENCH, FRENCH_LEGAL_FORMS,
};
use crate::tokens::tokenize;
use crate::words::words;
use orienta_model::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Fra,
        whatlang::Lang::Nld,
        whatlang::Lang::Eng,
    ])
});

/// Folded marker word → (French, Dutch).
type MarkerTable = FxHashMap<&'static str, (bool, bool)>;

fn table(french: &[&'static str], dutch: &[&'static str]) -> MarkerTable {
    let mut markers = MarkerTable::default();
    for word in french {
        markers.entry(word).or_default().0 = true;
    }
    for word in dutch {
        markers.entry(word).or_default().1 = true;
    }
    markers
}

static TEXT_MARKERS: LazyLock<MarkerTable> = LazyLock::new(|| table(FRENCH, DUTCH));
static NAME_MARKERS: LazyLock<MarkerTable> =
    LazyLock::new(|| table(FRENCH_LEGAL_FORMS, DUTCH_LEGAL_FORMS));

/// Words looked at to count markers.
const MARKER_WINDOW: usize = 80;

/// Characters given to whatlang when marker words do not decide: trigram scoring is linear
/// in the sample, and 120 characters tell French, Dutch and English apart.
const WHATLANG_SAMPLE_CHARS: usize = 120;

/// Markers of one language enough to stop counting when the other has none.
const DECISIVE_MARKERS: usize = 6;

/// Marker words counted among the first words of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    words: usize,
    french: usize,
    dutch: usize,
}

fn count_markers(text: &str, markers: &MarkerTable) -> Counts {
    let mut counts = Counts::default();
    let mut folded = String::new();
    for word in words(text).take(MARKER_WINDOW) {
        counts.words += 1;
        folded.clear();
        fold_word_into(&word.text, &mut folded);
        if let Some(&(french, dutch)) = markers.get(folded.as_str()) {
            counts.french += usize::from(french);
            counts.dutch += usize::from(dutch);
        }
        let decisive = (counts.french >= DECISIVE_MARKERS && counts.dutch == 0)
            || (counts.dutch >= DECISIVE_MARKERS && counts.french == 0);
        if decisive && counts.words >= 4 {
            break;
        }
    }
    counts
}

/// One language when it has markers and the other none, or three times as many.
fn decide(french: usize, dutch: usize) -> Option<Lang> {
    match (french, dutch) {
        (0, 0) => None,
        (_, 0) => Some(Lang::Fr),
        (0, _) => Some(Lang::Nl),
        (f, d) if f >= 3 * d => Some(Lang::Fr),
        (f, d) if d >= 3 * f => Some(Lang::Nl),
        _ => None,
    }
}

/// The language of a running text: marker words when the text is short, or they are
/// three or more (three to one at least), or two with none of the other language;
/// whatlang (French, Dutch, English) otherwise.
pub fn guess_text(text: &str) -> Option<Lang> {
    let counts = count_markers(text, &TEXT_MARKERS);
    let by_words = decide(counts.french, counts.dutch);
    let one_sided = counts.french == 0 || counts.dutch == 0;
    let markers = counts.french + counts.dutch;
    let words_decide = by_words.is_some() && (markers >= 3 || (one_sided && markers >= 2));
    if counts.words < 4 || words_decide {
        return by_words;
    }
    let sample: String = text.chars().take(WHATLANG_SAMPLE_CHARS).collect();
    let Some(info) = DETECTOR.detect(&sample).filter(whatlang::Info::is_reliable) else {
        return by_words;
    };
    match info.lang() {
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Nld => Some(Lang::Nl),
        _ => Some(Lang::En),
    }
}

/// The language of an organisation name, from its legal form only (`ASBL`, `VZW`…).
pub fn guess_name(name: &str) -> Option<Lang> {
    let counts = count_markers(name, &NAME_MARKERS);
    decide(counts.french, counts.dutch)
}

/// The language of a short label such as a site or service name, often in capitals: a
/// French marker word or a Dutch compound ending (`…ziekenhuis`, `…tuin`) decides when only
/// one language has one; the running-text guess otherwise.
pub fn guess_label(label: &str) -> Option<Lang> {
    let (mut french, mut dutch) = (false, false);
    let mut folded = String::new();
    for word in words(label) {
        folded.clear();
        fold_word_into(&word.text, &mut folded);
        french |= FRENCH.contains(&folded.as_str());
        dutch |= DUTCH_COMPOUND_ENDINGS
            .iter()
            .any(|ending| folded.ends_with(ending));
    }
    match (french, dutch) {
        (true, false) => Some(Lang::Fr),
        (false, true) => Some(Lang::Nl),
        _ => guess_text(label),
    }
}

/// Matching keys typical of one language only, e.g. the words of the thesaurus's French
/// and Dutch labels that are not also Dutch or French words.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    french: FxHashSet<String>,
    dutch: FxHashSet<String>,
}

impl Vocabulary {
    /// The keys (longer than two letters) of French and Dutch texts, minus those in both.
    pub fn from_texts<'a>(
        french: impl IntoIterator<Item = &'a str>,
        dutch: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let keys = |texts: &mut dyn Iterator<Item = &'a str>| -> FxHashSet<String> {
            let mut keys = FxHashSet::default();
            for text in texts {
                let tokens = tokenize(text);
                let long = tokens.iter().filter(|token| token.key.len() > 2);
                keys.extend(long.map(|token| token.key.to_owned()));
            }
            keys
        };
        let french = keys(&mut french.into_iter());
        let dutch = keys(&mut dutch.into_iter());
        Vocabulary {
            french: french.difference(&dutch).cloned().collect(),
            dutch: dutch.difference(&french).cloned().collect(),
        }
    }

    /// Whether a matching key is typical of French, of Dutch.
    fn language_of(&self, key: &str) -> (bool, bool) {
        (self.french.contains(key), self.dutch.contains(key))
    }
}

/// The language of a query: French or Dutch, whichever has more marker words or words
/// of the vocabulary; `None` on a tie or no clue.
pub fn guess_query(text: &str, vocabulary: &Vocabulary) -> Option<Lang> {
    let mut french = 0usize;
    let mut dutch = 0usize;
    for token in tokenize(text).iter() {
        let (marker_french, marker_dutch) =
            TEXT_MARKERS.get(token.folded).copied().unwrap_or_default();
        let (known_french, known_dutch) = vocabulary.language_of(token.key);
        if marker_french || known_french {
            french += 1;
        } else if marker_dutch || known_dutch {
            dutch += 1;
        }
    }
    match french.cmp(&dutch) {
        std::cmp::Ordering::Greater => Some(Lang::Fr),
        std::cmp::Ordering::Less => Some(Lang::Nl),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_long_and_short_texts() {
        assert_eq!(
            guess_text("Toute organisation qui se sent concernée par la lutte contre la pauvreté"),
            Some(Lang::Fr)
        );
        let dutch = "Schaarbeekse verenigingen die zich aangesproken voelen door de bestrijding van armoede";
        assert_eq!(guess_text(dutch), Some(Lang::Nl));
        assert_eq!(guess_text("Tout public"), Some(Lang::Fr));
        assert_eq!(guess_text("TOUT PUBLIC"), Some(Lang::Fr));
        assert_eq!(guess_text("Iedereen"), Some(Lang::Nl));
        assert_eq!(guess_text("Samusocial"), None);
    }

    #[test]
    fn guesses_names_from_legal_forms_only() {
        assert_eq!(guess_name("Le Foyer ASBL"), Some(Lang::Fr));
        assert_eq!(guess_name("De Schakel vzw"), Some(Lang::Nl));
        assert_eq!(guess_name("Le Foyer"), None);
    }

    #[test]
    fn guesses_labels_from_compounds() {
        assert_eq!(guess_label("EUROPAZIEKENHUIZEN"), Some(Lang::Nl));
        assert_eq!(guess_label("KRUIDTUIN"), Some(Lang::Nl));
        assert_eq!(guess_label("BOTANIQUE"), Some(Lang::Fr));
        assert_eq!(guess_label("CHIREC"), None);
    }

    #[test]
    fn guesses_queries_from_markers_and_vocabulary() {
        let none = Vocabulary::default();
        assert_eq!(guess_query("je cherche une aide", &none), Some(Lang::Fr));
        assert_eq!(
            guess_query("ik zoek hulp voor mijn moeder", &none),
            Some(Lang::Nl)
        );
        assert_eq!(guess_query("CPAS", &none), Some(Lang::Fr));
        assert_eq!(guess_query("Samusocial", &none), None);
        let vocabulary = Vocabulary::from_texts(["épicerie sociale"], ["sociale kruidenier"]);
        assert_eq!(guess_query("épiceries", &vocabulary), Some(Lang::Fr));
        assert_eq!(guess_query("kruideniers", &vocabulary), Some(Lang::Nl));
        assert_eq!(guess_query("sociale", &vocabulary), None);
    }
}
