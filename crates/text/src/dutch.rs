//! Dutch spelling, written once: how a syllable closes when an ending is dropped
//! (`pakketten` → `pakket`, `brieven` → `brief`, `huizen` → `huis`), how it opens when one
//! is added (`woon` → `wonen`, `leef` → `leven`), and the other persons of a verb
//! (`slaat` → `slaan`). Match keys, index stems and the thesaurus's verb variants all use
//! these rules.

use crate::lexicon::is_dictionary_word;

/// The long vowels Dutch writes double in a closed syllable and single in an open one
/// (`woont`, `wonen`).
const DOUBLE_VOWELS: [&str; 4] = ["aa", "ee", "oo", "uu"];

/// Stem endings after which the plural is the stem and `-n` (`slaa-n`, `doe-n`, `zie-n`).
const LONG_VOWEL_ENDS: [&str; 6] = ["aa", "ee", "oo", "uu", "oe", "ie"];

fn is_vowel(letter: u8) -> bool {
    b"aeiouy".contains(&letter)
}

/// How a folded stem left by a dropped ending is written as a word: a doubled final
/// consonant loses one letter, a final `v` becomes `f` and a final `z` becomes `s`
/// (`pakkett` → `pakket`, `briev` → `brief`, `huiz` → `huis`). Returned as the length of
/// the stem's prefix to keep and the letter to append, so callers need not allocate.
pub fn closed_end(stem: &str) -> (usize, &'static str) {
    let bytes = stem.as_bytes();
    let [.., before, last] = bytes else {
        return (bytes.len(), "");
    };
    let doubled_consonant = before == last && last.is_ascii_lowercase() && !is_vowel(*last);
    if doubled_consonant && bytes.len() > 3 {
        return (bytes.len() - 1, "");
    }
    if bytes.len() <= 2 {
        return (bytes.len(), "");
    }
    match last {
        b'v' => (bytes.len() - 1, "f"),
        b'z' => (bytes.len() - 1, "s"),
        _ => (bytes.len(), ""),
    }
}

/// The stem as written before `-en`, when it differs: one vowel of a doubled pair
/// (`woon` → `won`), a final `f` or `s` voiced (`leef` → `lev`, `lees` → `lez`).
pub fn open_syllable(stem: &str) -> Option<String> {
    let mut open = stem.to_owned();
    let last = open.pop().filter(|last| !"aeiouy".contains(*last))?;
    let voiced = match last {
        'f' => 'v',
        's' => 'z',
        other => other,
    };
    let doubled = DOUBLE_VOWELS.iter().any(|pair| open.ends_with(pair));
    if doubled {
        open.pop();
    }
    (doubled || voiced != last).then(|| {
        open.push(voiced);
        open
    })
}

/// The first person and the plural (or infinitive) of a folded Dutch present-tense third
/// person, kept only when the dictionary holds them: `slaat` → `slaan`; `drinkt` → `drink`,
/// `drinken`; `woont` → `woon`, `wonen`; `zit` → `zitten`; `leeft` → `leef`, `leven`. A
/// word that is no such verb rarely yields a dictionary word, and a noun's plural that it
/// may yield (`straat` → `straten`) is harmless where these are used.
pub fn other_persons(third_person: &str) -> Vec<String> {
    if !third_person.is_ascii() || !third_person.ends_with('t') {
        return Vec::new();
    }
    let mut candidates: Vec<String> = Vec::new();
    // `drinkt` has the stem `drink`; `vergeet`, `zit` are their own stems.
    let stripped = &third_person[..third_person.len() - 1];
    candidates.push(stripped.to_owned());
    for stem in [stripped, third_person] {
        candidates.push(format!("{stem}en"));
        if LONG_VOWEL_ENDS.iter().any(|end| stem.ends_with(end)) {
            candidates.push(format!("{stem}n"));
        }
        if let Some(&last) = stem.as_bytes().last().filter(|last| !is_vowel(**last)) {
            candidates.push(format!("{stem}{}en", char::from(last)));
        }
        if let Some(open) = open_syllable(stem) {
            candidates.push(format!("{open}en"));
        }
    }
    let mut persons: Vec<String> = Vec::new();
    for candidate in candidates {
        let new = candidate != third_person && !persons.contains(&candidate);
        if new && is_dictionary_word(&candidate) {
            persons.push(candidate);
        }
    }
    persons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(stem: &str) -> String {
        let (kept, end) = closed_end(stem);
        format!("{}{end}", &stem[..kept])
    }

    #[test]
    fn a_stem_closes_as_dutch_writes_it() {
        assert_eq!(closed("pakkett"), "pakket");
        assert_eq!(closed("briev"), "brief");
        assert_eq!(closed("huiz"), "huis");
        assert_eq!(closed("ongevall"), "ongeval");
        assert_eq!(closed("gezinn"), "gezin");
        assert_eq!(closed("zoo"), "zoo");
        assert_eq!(closed("az"), "az");
    }

    #[test]
    fn a_syllable_opens_before_en() {
        assert_eq!(open_syllable("woon").as_deref(), Some("won"));
        assert_eq!(open_syllable("leef").as_deref(), Some("lev"));
        assert_eq!(open_syllable("lees").as_deref(), Some("lez"));
        assert_eq!(open_syllable("drink"), None);
    }

    #[test]
    fn a_third_person_finds_its_plural_and_first_person() {
        let has = |word: &str, person: &str| other_persons(word).iter().any(|p| p == person);
        assert!(has("slaat", "slaan"));
        assert!(has("drinkt", "drinken"));
        assert!(has("drinkt", "drink"));
        assert!(has("woont", "wonen"));
        assert!(has("zit", "zitten"));
        assert!(has("leeft", "leven"));
        assert!(has("vergeet", "vergeten"));
        assert!(has("slaapt", "slapen"));
        assert!(has("praat", "praten"));
        assert!(!has("zit", "zin"));
        assert!(other_persons("mama").is_empty());
    }
}
