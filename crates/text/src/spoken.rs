//! Spoken languages: ISO 639-1 codes from codes or FR/NL/EN language names.

use crate::fold::fold;

/// ISO 639-1 code and its FR, NL and EN names (folded).
const LANGUAGES: &[(&str, &[&str])] = &[
    ("fr", &["francais", "frans", "french", "franse"]),
    (
        "nl",
        &[
            "neerlandais",
            "nederlands",
            "dutch",
            "neerlandophone",
            "vlaams",
        ],
    ),
    ("en", &["anglais", "engels", "english"]),
    ("de", &["allemand", "duits", "german"]),
    (
        "ar",
        &[
            "arabe",
            "arabisch",
            "arabic",
            "arabe dialectal",
            "arabe marocain",
            "marokkaans arabisch",
        ],
    ),
    ("tr", &["turc", "turks", "turkish"]),
    ("es", &["espagnol", "spaans", "spanish", "castillan"]),
    ("it", &["italien", "italiaans", "italian"]),
    ("pt", &["portugais", "portugees", "portuguese"]),
    ("ro", &["roumain", "roemeens", "romanian"]),
    ("pl", &["polonais", "pools", "polish"]),
    ("ru", &["russe", "russisch", "russian"]),
    ("uk", &["ukrainien", "oekraiens", "ukrainian"]),
    ("bg", &["bulgare", "bulgaars", "bulgarian"]),
    ("el", &["grec", "grieks", "greek"]),
    ("sq", &["albanais", "albanees", "albanian"]),
    (
        "ber",
        &[
            "berbere",
            "berbers",
            "berber",
            "tamazight",
            "amazigh",
            "tamazigh",
            "rifain",
            "tarifit",
        ],
    ),
    ("ln", &["lingala"]),
    ("sw", &["swahili", "kiswahili"]),
    ("fa", &["persan", "perzisch", "persian", "farsi", "dari"]),
    ("ps", &["pachto", "pashto", "pasjtoe", "pachtou"]),
    ("ku", &["kurde", "koerdisch", "kurdish"]),
    ("so", &["somali", "somalisch"]),
    ("ti", &["tigrigna", "tigrinya", "tigrinia"]),
    ("am", &["amharique", "amhaars", "amharic"]),
    ("ur", &["ourdou", "urdu", "oerdoe"]),
    ("hi", &["hindi"]),
    ("bn", &["bengali", "bengaals"]),
    ("zh", &["chinois", "chinees", "chinese", "mandarin"]),
    ("vi", &["vietnamien", "vietnamees", "vietnamese"]),
    ("sr", &["serbe", "servisch", "serbian"]),
    ("hr", &["croate", "kroatisch", "croatian"]),
    ("bs", &["bosniaque", "bosnisch", "bosnian"]),
    ("sk", &["slovaque", "slovaaks", "slovak"]),
    ("cs", &["tcheque", "tsjechisch", "czech"]),
    ("hu", &["hongrois", "hongaars", "hungarian"]),
    ("rom", &["romani", "romanes"]),
    ("hy", &["armenien", "armeens", "armenian"]),
    ("ka", &["georgien", "georgisch", "georgian"]),
    ("wo", &["wolof"]),
    ("ff", &["peul", "fulfulde", "fula", "pular"]),
    ("rw", &["kinyarwanda"]),
    ("rn", &["kirundi"]),
    ("kg", &["kikongo"]),
    ("ta", &["tamoul", "tamil"]),
    ("ne", &["nepalais", "nepalees", "nepali"]),
    (
        "sgn",
        &[
            "langue des signes",
            "gebarentaal",
            "sign language",
            "lsfb",
            "vgt",
        ],
    ),
];

/// The ISO code of a language given by code or name; `None` when unknown.
pub fn to_code(text: &str) -> Option<&'static str> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    LANGUAGES
        .iter()
        .find(|(code, names)| folded == *code || names.contains(&folded.as_str()))
        .map(|(code, _)| *code)
}

/// French `-phone` adjectives by their first part (`arabophone`, `roumanophones`).
const PHONE_PREFIXES: &[(&str, &str)] = &[
    ("franco", "fr"),
    ("neerlando", "nl"),
    ("anglo", "en"),
    ("germano", "de"),
    ("arabo", "ar"),
    ("turco", "tr"),
    ("hispano", "es"),
    ("italo", "it"),
    ("luso", "pt"),
    ("roumano", "ro"),
    ("russo", "ru"),
    ("berbero", "ber"),
    ("persano", "fa"),
    ("sino", "zh"),
];

/// The ISO code of a language named in running text (`arabe`, `Turks`, `Berbère`), by
/// name only: a bare code such as `en` (Dutch "and") is not a language here. Adjectives
/// made of a language name are read too: Dutch `-talig` (`Engelstalige`, `Arabischtalig`)
/// and French `-phone` (`arabophone`, `roumanophones`).
pub fn named(word: &str) -> Option<&'static str> {
    let folded = fold(word);
    by_name(&folded)
        .or_else(|| talig(&folded))
        .or_else(|| phone(&folded))
}

/// The names of a language in FR, NL and EN (folded), for finding it in texts written in
/// another language than the question (`arabisch` → `arabe`, `arabic`).
pub fn names(code: &str) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .filter(|(known, _)| *known == code)
        .flat_map(|(_, names)| names.iter().copied())
        .collect()
}

/// Words of a course that the language taught follows (`cours de français`, `lessen
/// Nederlands`, `apprendre le néerlandais`).
const COURSE_BEFORE: &[&str] = &[
    "cours",
    "cursus",
    "cursussen",
    "classe",
    "classes",
    "lessen",
    "apprendre",
    "apprentissage",
    "initiation",
    "conversation",
    "taalcursus",
];

/// Words of learning that follow the language taught (`Nederlands leren`, `je Nederlands
/// te oefenen`, `français langue étrangère`, `Nederlands als tweede taal`).
const LEARNING_AFTER: &[&str] = &["leren", "oefenen", "langue", "tweede", "lessen"];

/// Course acronyms and the language they teach.
const COURSE_ACRONYMS: &[(&str, &str)] = &[("fle", "fr"), ("nt2", "nl")];

/// How many words may stand between a course word and the language it teaches.
const COURSE_WINDOW: usize = 3;

/// The languages a text's folded words say are taught or learnt (`cours de français` → `fr`,
/// `ik wil Nederlands leren` → `nl`, `FLE`), in text order, without repeats: the language
/// of a course, not one spoken at its desk.
pub fn taught<S: AsRef<str>>(folded_words: &[S]) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for (_, code) in taught_at(folded_words) {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The positions of the words naming a language taught or learnt (see [`taught`]), with
/// its code, in text order.
pub fn taught_at<S: AsRef<str>>(folded_words: &[S]) -> Vec<(usize, &'static str)> {
    let words: Vec<&str> = folded_words.iter().map(AsRef::as_ref).collect();
    let named = words.iter().enumerate();
    named
        .filter_map(|(position, word)| {
            let acronym = COURSE_ACRONYMS.iter().find(|(known, _)| known == word);
            let code = match acronym {
                Some((_, code)) => Some(*code),
                None => by_name(word).filter(|_| is_course_around(&words, position)),
            };
            code.map(|code| (position, code))
        })
        .collect()
}

/// Whether a course word stands before the word at `position` or a learning word after it.
fn is_course_around(words: &[&str], position: usize) -> bool {
    let start = position.saturating_sub(COURSE_WINDOW);
    let end = (position + COURSE_WINDOW + 1).min(words.len());
    let before = words[start..position].iter();
    let after = words[position + 1..end].iter();
    before.clone().any(|word| COURSE_BEFORE.contains(word))
        || after.clone().any(|word| LEARNING_AFTER.contains(word))
}

fn by_name(folded: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(code, _)| *code)
}

/// `engelstalige` → `en`: a Dutch language name followed by `talig`, `talige`, `taligen`.
fn talig(folded: &str) -> Option<&'static str> {
    let stem = ["taligen", "talige", "talig"]
        .iter()
        .find_map(|suffix| folded.strip_suffix(suffix))?;
    by_name(stem)
}

/// `arabophone` → `ar`: a known first part followed by `phone` or `phones`.
fn phone(folded: &str) -> Option<&'static str> {
    let stem = folded
        .strip_suffix("phones")
        .or_else(|| folded.strip_suffix("phone"))?;
    PHONE_PREFIXES
        .iter()
        .find(|(prefix, _)| *prefix == stem)
        .map(|(_, code)| *code)
}

/// The languages of a `langStatus` value (`FR`, `NL`, `FR-NL`).
pub fn from_lang_status(status: &str) -> Vec<&'static str> {
    let folded = fold(status);
    let mut codes = Vec::new();
    for part in folded.split(' ') {
        match part {
            "fr" => codes.push("fr"),
            "nl" => codes.push("nl"),
            "en" => codes.push("en"),
            "bil" | "bilingue" | "tweetalig" => codes.extend(["fr", "nl"]),
            _ => {}
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(to_code("Arabe"), Some("ar"));
        assert_eq!(to_code("Arabisch"), Some("ar"));
        assert_eq!(to_code("EN"), Some("en"));
        assert_eq!(to_code("Berbère"), Some("ber"));
        assert_eq!(to_code("Néerlandais"), Some("nl"));
        assert_eq!(to_code("Klingon"), None);
        assert_eq!(from_lang_status("FR-NL"), ["fr", "nl"]);
        assert_eq!(from_lang_status("NL"), ["nl"]);
        assert_eq!(named("arabisch"), Some("ar"));
        assert_eq!(named("en"), None);
        assert_eq!(named("Engelstalige"), Some("en"));
        assert_eq!(named("arabischtalig"), Some("ar"));
        assert_eq!(named("roumanophones"), Some("ro"));
        assert_eq!(named("arabophone"), Some("ar"));
        assert_eq!(named("tweetalig"), None);
        assert_eq!(named("telephone"), None);
        assert!(names("ar").contains(&"arabisch"));
        assert!(names("sgn").contains(&"langue des signes"));
        assert!(names("xx").is_empty());
    }

    #[test]
    fn a_course_says_which_language_it_teaches() {
        let taught = |text: &str| {
            let folded = fold(text);
            super::taught(&folded.split_whitespace().collect::<Vec<_>>())
        };
        assert_eq!(taught("Cours de français langue étrangère (FLE)"), ["fr"]);
        assert_eq!(taught("waar je Nederlands kan leren in Brussel"), ["nl"]);
        assert_eq!(taught("om je Nederlands te oefenen"), ["nl"]);
        assert_eq!(taught("apprendre le néerlandais"), ["nl"]);
        assert_eq!(taught("Nederlands leren"), ["nl"]);
        assert!(taught("psychologues anglophones, consultations en anglais").is_empty());
        assert!(taught("On parle arabe et turc à l'accueil").is_empty());
    }
}
