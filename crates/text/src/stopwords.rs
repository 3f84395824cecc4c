//! French and Dutch stop words: function words that say nothing about a need.

/// French stop words: the usual function words, without `sans` (sans-abri, sans-papiers).
pub const FRENCH: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "c", "d", "dans", "de", "des", "du", "elle", "en", "et",
    "eux", "il", "j", "je", "l", "la", "le", "les", "leur", "lui", "m", "ma", "mais", "me", "mes",
    "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ou", "par", "pour", "qu", "que", "qui",
    "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
    "vos", "votre", "vous", "y", "est", "sont", "suis", "ai", "as", "avons", "ont", "cette", "cet",
    "chez", "plus",
];

/// Dutch stop words: the usual function words.
pub const DUTCH: &[&str] = &[
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is",
    "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of",
    "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je",
    "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben", "deze", "u",
    "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch", "al",
    "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "wie",
    "wordt", "jullie", "we", "wij", "onze", "ons",
];

/// True when a folded word is a stop word of the language.
pub fn is_stop_word(folded: &str, lang: orienta_model::Lang) -> bool {
    match lang {
        orienta_model::Lang::Fr => FRENCH.contains(&folded),
        orienta_model::Lang::Nl => DUTCH.contains(&folded),
        orienta_model::Lang::En => false,
    }
}
