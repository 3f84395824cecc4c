//! Words of opening-hours texts: day names per language, range and list words, fillers.

use orienta_model::{Lang, Weekday};

const FRENCH_DAYS: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon),
    ("lun", Weekday::Mon),
    ("lu", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mar", Weekday::Tue),
    ("ma", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("mer", Weekday::Wed),
    ("me", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("jeu", Weekday::Thu),
    ("je", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("ven", Weekday::Fri),
    ("ve", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("sam", Weekday::Sat),
    ("sa", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("dim", Weekday::Sun),
    ("di", Weekday::Sun),
];

const DUTCH_DAYS: &[(&str, Weekday)] = &[
    ("maandag", Weekday::Mon),
    ("maa", Weekday::Mon),
    ("ma", Weekday::Mon),
    ("dinsdag", Weekday::Tue),
    ("din", Weekday::Tue),
    ("di", Weekday::Tue),
    ("woensdag", Weekday::Wed),
    ("woe", Weekday::Wed),
    ("wo", Weekday::Wed),
    ("donderdag", Weekday::Thu),
    ("don", Weekday::Thu),
    ("do", Weekday::Thu),
    ("vrijdag", Weekday::Fri),
    ("vrij", Weekday::Fri),
    ("vr", Weekday::Fri),
    ("zaterdag", Weekday::Sat),
    ("zat", Weekday::Sat),
    ("za", Weekday::Sat),
    ("zondag", Weekday::Sun),
    ("zon", Weekday::Sun),
    ("zo", Weekday::Sun),
];

const ENGLISH_DAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

/// The day a word names in a text of language `lang` (abbreviations only in that language,
/// full names in any).
pub fn day(word: &str, lang: Lang) -> Option<Weekday> {
    let word = word
        .strip_suffix('s')
        .filter(|w| w.len() > 4)
        .unwrap_or(word);
    let own = match lang {
        Lang::Fr => FRENCH_DAYS,
        Lang::Nl => DUTCH_DAYS,
        Lang::En => ENGLISH_DAYS,
    };
    if let Some((_, day)) = own.iter().find(|(name, _)| *name == word) {
        return Some(*day);
    }
    [FRENCH_DAYS, DUTCH_DAYS, ENGLISH_DAYS]
        .iter()
        .flat_map(|table| table.iter())
        .find(|(name, _)| name.len() > 5 && *name == word)
        .map(|(_, day)| *day)
}

/// Words that join the two ends of a range.
pub const RANGE_WORDS: &[&str] = &[
    "a", "au", "tot", "to", "till", "until", "jusqu", "jusque", "tem",
];

/// Words that join items of a list.
pub const LIST_WORDS: &[&str] = &["et", "en", "and", "ou", "of", "or"];

/// Words for noon.
pub const NOON_WORDS: &[&str] = &["midi", "middag", "noon"];

/// Hour units written after a number.
pub const HOUR_UNITS: &[&str] = &["h", "u", "uur", "heures", "heure", "hrs", "hr", "hours"];

/// Words saying the service is by appointment only.
pub const APPOINTMENT_WORDS: &[&str] = &[
    "rendez",
    "vous",
    "rdv",
    "afspraak",
    "appointment",
    "sur",
    "op",
    "on",
    "uniquement",
    "enkel",
    "alleen",
    "only",
];

/// Words saying a day is closed.
pub const CLOSED_WORDS: &[&str] = &["ferme", "fermes", "gesloten", "closed"];

/// Words that carry no information about the hours.
pub const FILLER_WORDS: &[&str] = &[
    "de",
    "du",
    "des",
    "d",
    "l",
    "le",
    "la",
    "les",
    "van",
    "vanaf",
    "from",
    "the",
    "dès",
    "des",
    "le",
    "het",
    "op",
    "on",
    "ouvert",
    "open",
    "geopend",
    "opened",
    "permanence",
    "permanences",
    "permanentie",
    "permanenties",
    "horaire",
    "horaires",
    "heures",
    "uren",
    "openingsuren",
    "openingstijden",
    "hours",
    "opening",
    "accueil",
    "onthaal",
    "reception",
    "telephonique",
    "telefonisch",
    "tel",
    "et",
    "en",
    "and",
    "ook",
    "aussi",
    "also",
    "elke",
    "chaque",
    "every",
    "tous",
    "alle",
    "iedere",
];

/// Phrases replaced before tokenising: every day, round the clock, `t/m`.
pub const PHRASES: &[(&str, &str)] = &[
    ("24h/24", " roundtheclock "),
    ("24u/24", " roundtheclock "),
    ("24 h/24", " roundtheclock "),
    ("24/24", " roundtheclock "),
    ("24h sur 24", " roundtheclock "),
    ("24 uur op 24", " roundtheclock "),
    ("7j/7", " everyday "),
    ("7 j/7", " everyday "),
    ("7d/7", " everyday "),
    ("7/7", " everyday "),
    ("7 jours sur 7", " everyday "),
    ("7 dagen op 7", " everyday "),
    ("tous les jours", " everyday "),
    ("alle dagen", " everyday "),
    ("elke dag", " everyday "),
    ("iedere dag", " everyday "),
    ("dagelijks", " everyday "),
    ("every day", " everyday "),
    ("daily", " everyday "),
    ("t/m", " tot "),
    ("t.e.m.", " tot "),
    ("jusqu'a", " a "),
    ("jusqu'au", " au "),
];
