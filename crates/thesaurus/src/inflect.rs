//! Other persons of a Dutch verb in a form: a situation written `mijn man slaat me` is also
//! read in `mannen die hun partner slaan` and `ik slaap` in `hij slaapt`'s form.

use orienta_text::lexicon::is_dictionary_word;

/// The long vowels Dutch writes double in a closed syllable and single in an open one
/// (`woont`, `wonen`).
const DOUBLE_VOWELS: [&str; 4] = ["aa", "ee", "oo", "uu"];

/// Stem endings after which the plural is the stem and `-n` (`slaa-n`, `doe-n`, `zie-n`).
const LONG_VOWEL_ENDS: [&str; 6] = ["aa", "ee", "oo", "uu", "oe", "ie"];

/// The first person and the plural (or infinitive) of a folded Dutch present-tense third
/// person, kept only when the dictionary holds them (`slaat` → `slaan`; `drinkt` → `drink`, `drinken`; `woont` → `woon`, `wonen`; `zit` → `zitten`;
/// `leeft` → `leef`, `leven`. A word that is no such verb rarely yields a dictionary
/// word, and a noun's plural that it may yield (`straat` → `straten`) is harmless.
pub(crate) fn other_persons(third_person: &str) -> Vec<String> {
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
        if let Some(last) = stem.chars().last().filter(|last| !"aeiouy".contains(*last)) {
            candidates.push(format!("{stem}{last}en"));
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

/// The stem as written before `-en`: one vowel of a doubled pair (`woon` → `won`), a final
/// `f` or `s` voiced (`leef` → `lev`, `lees` → `lez`).
fn open_syllable(stem: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::other_persons;

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
