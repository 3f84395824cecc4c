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

/// Folded words that carry no need, in French, Dutch or English: asking and helping
/// (`cherche`, `zoek`, `aide`), services and places in general (`centre`, `buurt`),
/// politeness (`svp`, `graag`), time and quantity (`depuis`, `twee`, `alles`), speaking
/// (`parle`, `spreekt`: the language named next to it is what counts). In a query they are
/// scored, never required.
pub const NO_NEED: &[&str] = &[
    "aide",
    "aider",
    "hulp",
    "help",
    "service",
    "services",
    "dienst",
    "diensten",
    "centre",
    "centrum",
    "center",
    "cherche",
    "recherche",
    "zoek",
    "zoeken",
    "besoin",
    "nodig",
    "need",
    "besoins",
    "personne",
    "personnes",
    "mensen",
    "persoon",
    "bruxelles",
    "brussel",
    "brussels",
    "bxl",
    "brux",
    "pres",
    "proche",
    "buurt",
    "dichtbij",
    "near",
    "quartier",
    "wijk",
    "je",
    "ik",
    "mon",
    "mijn",
    "svp",
    "plait",
    "merci",
    "bonjour",
    "alstublieft",
    "aub",
    "graag",
    "dank",
    "bedankt",
    "hallo",
    "voudrais",
    "veux",
    "peux",
    "faut",
    "trouver",
    "wil",
    "wilt",
    "kunnen",
    "moet",
    "vind",
    "vinden",
    "vraag",
    "demande",
    "question",
    "depuis",
    // Where the caller lives (`j'habite Forest`, `ik woon in Laken`, `à la maison`, `thuis`,
    // `naar huis`): the place is what counts, and `habite` would meet `Habitations` under the
    // French stemmer, `maison` every `Maison …` name. The services are read as forms
    // (`maison médicale`, `maison de jeunes`, `huis van het kind`).
    "habite",
    "habites",
    "habitons",
    "habitez",
    "habitent",
    "woon",
    "woont",
    "maison",
    "thuis",
    "huis",
    // Degree and frequency (`il boit beaucoup`: the drinking is the need).
    "beaucoup",
    "moins",
    "trop",
    "tres",
    "peu",
    "assez",
    "tellement",
    "vraiment",
    "souvent",
    "jamais",
    "weinig",
    "erg",
    "heel",
    "vaak",
    "nooit",
    "echt",
    "zeer",
    "deux",
    "jours",
    "jour",
    "journee",
    "journees",
    "semaines",
    "mois",
    "tous",
    "toujours",
    "encore",
    "sinds",
    "twee",
    "dagen",
    "weken",
    "maanden",
    "alles",
    "altijd",
    "elke",
    "dag",
    "parle",
    "parler",
    "parlant",
    "parlent",
    "spreekt",
    "spreken",
    "sprekend",
    "taal",
    "langue",
    "quelqu",
    "iemand",
    "chose",
    "gens",
    "arrive",
    "lukt",
    // What a service does or is, said of any need (`accompagnement adulte autiste`):
    // required, they would keep a cross-language query to its own language's records.
    "accompagnement",
    "accompagner",
    "begeleiding",
    "begeleiden",
    "soutien",
    "ondersteuning",
    "steun",
    "adulte",
    "adultes",
    "volwassene",
    "volwassenen",
    "association",
    "vereniging",
    "asbl",
    "vzw",
    "organisme",
    "organisatie",
    "structure",
    "endroit",
    "lieu",
    "plek",
    "info",
    "infos",
    "information",
    "informations",
    "informatie",
];

/// Folded personal pronouns and possessives, French and Dutch: a question holding one tells
/// someone's situation (`mon mari me frappe`, `mijn vader vergeet alles`) rather than
/// naming a service (`centre de jour pour personnes âgées`).
const PERSON_WORDS: &[&str] = &[
    "je", "j", "me", "m", "moi", "mon", "ma", "mes", "il", "elle", "on", "nous", "notre", "nos",
    "ik", "mijn", "mij", "we", "wij", "ons", "onze", "hij", "zij", "ze", "haar", "hem",
];

/// Folded possessives, French and Dutch: the word after one names a person or a thing of
/// the caller's (`ma femme`, `mon téléphone`, `mijn dochter`), not a need.
const POSSESSIVES: &[&str] = &[
    "mon", "ma", "mes", "son", "sa", "ses", "notre", "nos", "leur", "leurs", "mijn", "zijn",
    "haar", "onze", "hun",
];

/// True when a folded word is a possessive (see [`POSSESSIVES`]).
pub fn is_possessive(folded: &str) -> bool {
    POSSESSIVES.contains(&folded)
}

/// True when the folded words of a question tell someone's situation (see
/// [`PERSON_WORDS`]).
pub fn tells_a_situation<S: AsRef<str>>(folded_words: &[S]) -> bool {
    folded_words
        .iter()
        .any(|word| PERSON_WORDS.contains(&word.as_ref()))
}

/// True when a folded word is spelled right: a French or Dutch stop word, a word that
/// carries no need, or a dictionary word ([`crate::lexicon`]). Such a word is never read
/// as the typo of a need (`parce` is not `parie`, `année` is not `aînés`).
pub fn is_spelled_right(folded: &str) -> bool {
    FRENCH.contains(&folded)
        || DUTCH.contains(&folded)
        || NO_NEED.contains(&folded)
        || crate::lexicon::is_dictionary_word(folded)
}

/// Words that say how long or since when (`al drie jaar`, `depuis deux ans`, `nu al
/// maanden`): a caller puts them inside the phrase of a need ("ik zorg *al drie jaar* voor
/// mijn vrouw").
const TIME_WORDS: &[&str] = &[
    "al", "nu", "nog", "sinds", "sedert", "reeds", "deja", "depuis", "toujours", "encore",
    "bientot", "een", "twee", "drie", "vier", "vijf", "zes", "tien", "paar", "un", "une", "deux",
    "trois", "quatre", "cinq", "six", "dix", "quelques", "jaar", "jaren", "maand", "maanden",
    "week", "weken", "dag", "dagen", "an", "ans", "annee", "annees", "mois", "semaine", "semaines",
    "jour", "jours", "lang",
];

/// True when a folded word says how long or since when (see [`TIME_WORDS`]), or is a
/// number.
pub fn is_time_word(folded: &str) -> bool {
    let number = !folded.is_empty() && folded.bytes().all(|byte| byte.is_ascii_digit());
    number || TIME_WORDS.contains(&folded)
}

/// True when a folded word carries no need (see [`NO_NEED`]).
pub fn is_no_need(folded: &str) -> bool {
    NO_NEED.contains(&folded)
}

/// True when a folded word is a stop word of the language.
pub fn is_stop_word(folded: &str, lang: orienta_model::Lang) -> bool {
    match lang {
        orienta_model::Lang::Fr => FRENCH.contains(&folded),
        orienta_model::Lang::Nl => DUTCH.contains(&folded),
        orienta_model::Lang::En => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn tells(text: &str) -> bool {
        tells_a_situation(&tokenize(text).folded())
    }

    #[test]
    fn possessives() {
        assert!(is_possessive("ma"));
        assert!(is_possessive("mijn"));
        assert!(!is_possessive("femme"));
    }

    #[test]
    fn everyday_words_are_spelled_right() {
        assert!(is_spelled_right("parce"));
        assert!(is_spelled_right("omdat"));
        assert!(is_spelled_right("de"));
        assert!(is_spelled_right("annee"));
        assert!(!is_spelled_right("logment"));
    }

    #[test]
    fn a_person_in_the_question_tells_a_situation() {
        assert!(tells("mon mari me frappe"));
        assert!(tells("mijn vader vergeet alles"));
        assert!(tells("le proprio m'a envoyé un papier du juge de paix"));
        assert!(!tells("centre de jour pour personnes âgées"));
        assert!(!tells("hulp voor mensen zonder papieren"));
    }
}
