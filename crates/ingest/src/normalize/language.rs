//! Which language a text is in, and FR/NL pairs where one side is a copy of the other.
//!
//! A text is never moved into the other language's field: a copy or a text in the wrong
//! language is simply not used for that language (a `SuspectLanguage` warning quotes it).

use super::fold::fold;
use super::markers::{DUTCH_MARKERS, DUTCH_NAME_MARKERS, FRENCH_MARKERS, FRENCH_NAME_MARKERS};
use super::text::short;
use super::warning;
use orienta_model::{Lang, QualityCode, QualityIssue};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Fra,
        whatlang::Lang::Nld,
        whatlang::Lang::Eng,
    ])
});

/// Whether a text is a name (judged on legal forms only) or a running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// An organisation name: proper names are often the same in both languages.
    Name,
    /// A description, audience or other running text.
    Text,
}

/// Marker word → (French marker, Dutch marker): one lookup per word for both languages.
type Markers = FxHashMap<&'static str, (bool, bool)>;

fn markers(french: &[&'static str], dutch: &[&'static str]) -> Markers {
    let mut markers = Markers::default();
    for word in french {
        markers.entry(word).or_default().0 = true;
    }
    for word in dutch {
        markers.entry(word).or_default().1 = true;
    }
    markers
}

static TEXT_MARKERS: LazyLock<MarkerTable> =
    LazyLock::new(|| MarkerTable::new(FRENCH_MARKERS, DUTCH_MARKERS));
static NAME_MARKERS: LazyLock<MarkerTable> =
    LazyLock::new(|| MarkerTable::new(FRENCH_NAME_MARKERS, DUTCH_NAME_MARKERS));

/// Words looked at to count markers.
const MARKER_WINDOW: usize = 80;

/// Characters given to whatlang when marker words do not decide: trigram scoring is linear
/// in the sample, and 120 characters tell French, Dutch and English apart.
const WHATLANG_SAMPLE_CHARS: usize = 120;

/// Markers of one language enough to stop counting when the other has none.
const DECISIVE_MARKERS: usize = 6;

/// Marker word → (French marker, Dutch marker), and the byte length of the longest marker.
struct MarkerTable {
    words: Markers,
    longest: usize,
}

impl MarkerTable {
    fn new(french: &[&'static str], dutch: &[&'static str]) -> Self {
        let words = markers(french, dutch);
        let longest = words.keys().map(|word| word.len()).max().unwrap_or(0);
        Self { words, longest }
    }

    /// The (French, Dutch) marker flags of a word as written in a text (any case).
    ///
    /// ASCII words, most of them, are lowered on the stack, and those longer than every
    /// marker are not lowered at all; other words are lowered character by character.
    fn get(&self, word: &str, buffer: &mut String) -> Option<(bool, bool)> {
        if word.is_ascii() {
            if word.len() > self.longest {
                return None;
            }
            if word.bytes().all(|byte| byte.is_ascii_lowercase()) {
                return self.words.get(word).copied();
            }
            if word.len() <= ASCII_WORD_BYTES {
                let mut stack = [0u8; ASCII_WORD_BYTES];
                let lowered = &mut stack[..word.len()];
                lowered.copy_from_slice(word.as_bytes());
                lowered.make_ascii_lowercase();
                let lowered = std::str::from_utf8(lowered).ok()?;
                return self.words.get(lowered).copied();
            }
        }
        // Lowering never makes a word shorter in characters, and a marker has no more
        // characters than bytes.
        if word.chars().count() > self.longest {
            return None;
        }
        buffer.clear();
        for c in word.chars() {
            if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else {
                buffer.extend(c.to_lowercase());
            }
        }
        self.words.get(buffer.as_str()).copied()
    }
}

/// Room on the stack for an ASCII word lowered for lookup (longer markers fall back to the
/// character-by-character path).
const ASCII_WORD_BYTES: usize = 32;

/// Words, French markers and Dutch markers among the first words of a text. Markers are
/// lower case; accented ones are listed with their accents, so no decomposition is needed.
fn count_markers(text: &str, markers: &MarkerTable) -> (usize, usize, usize) {
    let mut buffer = String::new();
    let (mut total, mut french_count, mut dutch_count) = (0, 0, 0);
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in words.take(MARKER_WINDOW) {
        total += 1;
        if let Some((french, dutch)) = markers.get(word, &mut buffer) {
            french_count += usize::from(french);
            dutch_count += usize::from(dutch);
        }
        let decisive = (french_count >= DECISIVE_MARKERS && dutch_count == 0)
            || (dutch_count >= DECISIVE_MARKERS && french_count == 0);
        if decisive && total >= 4 {
            break;
        }
    }
    (total, french_count, dutch_count)
}

fn decide(french_count: usize, dutch_count: usize) -> Option<Lang> {
    match (french_count, dutch_count) {
        (0, 0) => None,
        (f, 0) if f > 0 => Some(Lang::Fr),
        (0, d) if d > 0 => Some(Lang::Nl),
        (f, d) if f >= 3 * d => Some(Lang::Fr),
        (f, d) if d >= 3 * f => Some(Lang::Nl),
        _ => None,
    }
}

/// The language of a text: marker words when the text is short, or they are three or more
/// (three to one at least), or two with none of the other language; whatlang (French, Dutch,
/// English) otherwise.
pub fn detect(text: &str) -> Option<Lang> {
    let (total, french_count, dutch_count) = count_markers(text, &TEXT_MARKERS);
    let by_words = decide(french_count, dutch_count);
    let one_sided = french_count == 0 || dutch_count == 0;
    let markers = french_count + dutch_count;
    if total < 4 || (by_words.is_some() && (markers >= 3 || (one_sided && markers >= 2))) {
        return by_words;
    }
    let sample: String = text.chars().take(WHATLANG_SAMPLE_CHARS).collect();
    match DETECTOR.detect(&sample).filter(whatlang::Info::is_reliable) {
        Some(info) => match info.lang() {
            whatlang::Lang::Fra => Some(Lang::Fr),
            whatlang::Lang::Nld => Some(Lang::Nl),
            _ => Some(Lang::En),
        },
        None => by_words,
    }
}

/// Characters of each text folded first when comparing them.
const SAME_TEXT_PREFIX_CHARS: usize = 48;

/// True when two texts are the same up to case, accents and punctuation.
///
/// The folded beginnings are compared first: folding a prefix gives a prefix of the folded
/// text, so two texts that fold alike have folded beginnings of which one starts the other.
/// Most FR/NL pairs differ there, and long texts are then not folded whole.
fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 8 {
        return false;
    }
    let head = |text: &str| -> String {
        let end = text
            .char_indices()
            .nth(SAME_TEXT_PREFIX_CHARS)
            .map_or(text.len(), |(position, _)| position);
        fold(&text[..end])
    };
    let (head_a, head_b) = (head(a), head(b));
    let shared = head_a.len().min(head_b.len());
    if head_a.as_bytes()[..shared] != head_b.as_bytes()[..shared] {
        return false;
    }
    fold(a) == fold(b)
}

/// The language of a name, from its legal form only (`ASBL`, `VZW`…).
pub fn detect_name(name: &str) -> Option<Lang> {
    let (_, french_count, dutch_count) = count_markers(name, &NAME_MARKERS);
    decide(french_count, dutch_count)
}

fn lang_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "french",
        Lang::Nl => "dutch",
        Lang::En => "english",
    }
}

/// Checks a French/Dutch pair and returns what may be used for each language.
pub fn check_pair(
    fr: Option<String>,
    nl: Option<String>,
    fields: [&str; 2],
    kind: TextKind,
    issues: &mut Vec<QualityIssue>,
) -> (Option<String>, Option<String>) {
    let [fr_field, nl_field] = fields;
    let mut drop = |value: &str, field: &str, found: Lang, expected: Lang, copy: bool| {
        let message = if copy {
            format!(
                "`{}` is a copy of the {} text; not used as {}",
                short(value),
                lang_word(found),
                lang_word(expected)
            )
        } else {
            format!(
                "`{}` is in {}; not used as {}",
                short(value),
                lang_word(found),
                lang_word(expected)
            )
        };
        issues.push(warning(QualityCode::SuspectLanguage, field, message));
    };
    let detect_kind = |text: &str| match kind {
        TextKind::Name => detect_name(text),
        TextKind::Text => detect(text),
    };
    match (fr, nl) {
        (Some(fr), Some(nl)) if same_text(&fr, &nl) => match detect_kind(&fr) {
            Some(Lang::Nl) => {
                drop(&fr, fr_field, Lang::Nl, Lang::Fr, true);
                (None, Some(nl))
            }
            Some(Lang::Fr) => {
                drop(&nl, nl_field, Lang::Fr, Lang::Nl, true);
                (Some(fr), None)
            }
            _ => (Some(fr), Some(nl)),
        },
        (fr, nl) if kind == TextKind::Name => (fr, nl),
        (fr, nl) => {
            let fr = fr.filter(|text| match detect(text) {
                Some(Lang::Nl) => {
                    drop(text, fr_field, Lang::Nl, Lang::Fr, false);
                    false
                }
                _ => true,
            });
            let nl = nl.filter(|text| match detect(text) {
                Some(Lang::Fr) => {
                    drop(text, nl_field, Lang::Fr, Lang::Nl, false);
                    false
                }
                _ => true,
            });
            (fr, nl)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [&str; 2] = ["publicFr", "publicNl"];

    #[test]
    fn detects_long_and_short_texts() {
        assert_eq!(
            detect("Toute organisation qui se sent concernée par la lutte contre la pauvreté"),
            Some(Lang::Fr)
        );
        assert_eq!(detect("Schaarbeekse verenigingen die zich aangesproken voelen door de bestrijding van armoede"), Some(Lang::Nl));
        assert_eq!(detect("Tout public"), Some(Lang::Fr));
        assert_eq!(detect("Iedereen"), Some(Lang::Nl));
        assert_eq!(detect("Samusocial"), None);
    }

    /// The table's lookup finds a word's flags exactly when its lowercase form is a marker:
    /// markers in every case, accented words, long and non-Latin words.
    #[test]
    fn marker_lookup_lowers_like_to_lowercase() {
        let table = &*TEXT_MARKERS;
        let mut words: Vec<String> = FRENCH_MARKERS
            .iter()
            .chain(DUTCH_MARKERS)
            .flat_map(|word| [word.to_string(), word.to_uppercase(), capitalised(word)])
            .collect();
        words.extend(
            [
                "ÉCOLE",
                "Hôpital",
                "HÔPITAL",
                "maatschappelijk",
                "Straße",
                "İstanbul",
                "İ",
                "DÉFAVORISÉES",
                "Défavorisées_",
                "hôpitauxx",
                "ＬＥ",
                "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
                "x",
            ]
            .map(str::to_owned),
        );
        let mut buffer = String::new();
        for word in &words {
            assert_eq!(
                table.get(word, &mut buffer),
                table.words.get(word.to_lowercase().as_str()).copied(),
                "{word}"
            );
        }
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn same_text_ignores_case_accents_and_punctuation() {
        let long = "Accueil, écoute et orientation des personnes sans abri; ".repeat(3);
        assert!(same_text(&long, &long.to_uppercase().replace('é', "e")));
        assert!(same_text(
            "L'Îlot — accueil de jour",
            "l ilot accueil de jour"
        ));
        assert!(!same_text(&long, &long.replace("abri;", "toit;")));
        assert!(!same_text(
            "Onthaal en begeleiding",
            "Accueil et orientation"
        ));
    }

    #[test]
    fn copies_are_not_used() {
        let mut issues = Vec::new();
        let (fr, nl) = check_pair(
            Some("ASBL Exemple 16".into()),
            Some("ASBL Exemple 16".into()),
            ["nameOfficialFr", "nameOfficialNl"],
            TextKind::Name,
            &mut issues,
        );
        assert_eq!((fr.as_deref(), nl), (Some("ASBL Exemple 16"), None));
        assert!(
            issues[0].message.contains("ASBL Exemple 16"),
            "{}",
            issues[0].message
        );
        let (fr, nl) = check_pair(
            None,
            Some("Tout public".into()),
            FIELDS,
            TextKind::Text,
            &mut issues,
        );
        assert_eq!((fr, nl), (None, None));
        assert_eq!(issues.len(), 2);
        let (fr, nl) = check_pair(
            Some("Samusocial".into()),
            Some("Samusocial".into()),
            FIELDS,
            TextKind::Name,
            &mut issues,
        );
        assert!(fr.is_some() && nl.is_some());
        let (_, nl) = check_pair(
            Some("Le Foyer".into()),
            Some("Le Foyer".into()),
            FIELDS,
            TextKind::Name,
            &mut issues,
        );
        assert!(nl.is_some());
    }
}
