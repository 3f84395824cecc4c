//! Title case for names and addresses written in capitals, the Brussels way: acronyms and
//! legal forms kept (`CPAS`, `VZW`, `C.P.A.S.`), particles small inside a name (`de`, `van`,
//! `l'`), abbreviations capitalised (`ST.` → `St.`), hyphenated parts each capitalised.

/// Acronyms and legal forms that stay upper case.
const ACRONYMS: &[&str] = &[
    "AISBL", "ASBL", "BV", "CASG", "CASS", "CAW", "CGG", "CHR", "CHU", "CPAS", "CSS", "CSSA",
    "CVBA", "HIS", "HUB", "IZZ", "MR", "MRS", "NV", "OCMW", "ONE", "RVT", "SA", "SC", "SCRL",
    "SPRL", "SRL", "UZ", "ULB", "VUB", "VZW", "WZC", "AZ", "CGSP", "SSM", "PMS", "CLB", "CPMS",
    "OCMW's", "II", "III", "IV", "BRT", "RTBF", "VGC", "COCOF", "COCOM", "GGC", "SPF", "FOD",
    "SNCB", "NMBS", "STIB", "MIVB",
];

/// Abbreviations without vowels that are not acronyms.
const ABBREVIATIONS: &[&str] = &["st", "ste", "sts", "bd", "dr", "mme", "mlle", "pl"];

/// Small words kept lower case inside a name.
const PARTICLES: &[&str] = &[
    "à", "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par",
    "pour", "sur", "het", "van", "voor", "der", "den", "op", "in", "te", "ter", "met", "of", "en",
    "and", "of", "the", "'t", "s",
];

/// True when a name is written in capitals (at least four letters, no lower-case letter).
pub fn is_upper_case(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !name.chars().any(char::is_lowercase)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Title case of one word (no spaces), given whether it is the first of the name.
fn case_word(word: &str, first: bool) -> String {
    let mut bare = String::with_capacity(word.len());
    bare.extend(word.chars().filter(|c| c.is_alphanumeric()));
    if ACRONYMS.iter().any(|a| a.eq_ignore_ascii_case(&bare)) && !bare.is_empty() {
        return word.to_owned();
    }
    // Abbreviations written with a capital only: `ST.` → `St.`, `BD.` → `Bd.` (only ASCII
    // letters lower to theirs).
    if ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.eq_ignore_ascii_case(&bare))
    {
        return capitalise(word);
    }
    // Dotted acronyms (`C.P.A.S.`) and words without vowels (`CSS`, `BRT`) stay as they are.
    let dotted = word.matches('.').count() >= 2 && bare.len() <= 6;
    let has_vowel = bare.chars().any(|c| "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ".contains(c));
    if dotted || (!has_vowel && bare.len() >= 2 && bare.chars().all(char::is_alphabetic)) {
        return word.to_owned();
    }
    // Elisions: `L'ACTION` → `l'Action`, `D'ENTRAIDE` → `d'Entraide`.
    for apostrophe in ['\'', '’'] {
        if let Some((head, tail)) = word.split_once(apostrophe) {
            if head.chars().count() == 1 && !tail.is_empty() {
                let head = if first {
                    capitalise(head)
                } else {
                    head.to_lowercase()
                };
                return format!("{head}{apostrophe}{}", case_word(tail, false));
            }
        }
    }
    if !first && is_particle(word) {
        return word.to_lowercase();
    }
    // Hyphenated and dotted parts: `SAINT-GILLES` → `Saint-Gilles`, `ST.-JAN` → `St.-Jan`.
    let mut output = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if c.is_ascii_alphanumeric() {
            output.push(if start_of_part {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            });
            start_of_part = false;
        } else if c.is_alphanumeric() {
            if start_of_part {
                output.extend(c.to_uppercase());
            } else {
                output.extend(c.to_lowercase());
            }
            start_of_part = false;
        } else {
            output.push(c);
            start_of_part = matches!(c, '-' | '.' | '(' | '/' | '"');
        }
    }
    output
}

/// Whether a word is a particle in any case (ASCII words are compared without lowering).
fn is_particle(word: &str) -> bool {
    if word.is_ascii() {
        return PARTICLES
            .iter()
            .any(|particle| particle.eq_ignore_ascii_case(word));
    }
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Title case of an upper-case name, keeping acronyms and lowering particles inside.
pub fn title_case(name: &str) -> String {
    let mut output = String::with_capacity(name.len());
    for (index, word) in name.split(' ').enumerate() {
        if index > 0 {
            output.push(' ');
        }
        output.push_str(&case_word(word, index == 0));
    }
    output
}

/// The accented spelling of words that sources write without accents (`CHAUSSEE` →
/// `Chaussée`, `ETANGS` → `Étangs`), learnt from names that carry them (the street names).
#[derive(Debug, Default, Clone)]
pub struct Accents {
    /// Lower case without marks → lower case with marks.
    words: std::collections::HashMap<String, String>,
}

impl Accents {
    /// Learns the accented words of `names`; a word spelt with marks in two different ways
    /// is left out (no guess).
    pub fn learn<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words: std::collections::HashMap<String, Option<String>> = Default::default();
        for name in names {
            for word in name.split(|c: char| !c.is_alphabetic()) {
                let lower = word.to_lowercase();
                let bare = crate::fold::lower_without_marks(&lower);
                if bare == lower || bare.chars().count() != lower.chars().count() {
                    continue;
                }
                let entry = words.entry(bare).or_insert_with(|| Some(lower.clone()));
                if entry.as_deref() != Some(lower.as_str()) {
                    *entry = None;
                }
            }
        }
        let words = words
            .into_iter()
            .filter_map(|(bare, accented)| Some((bare, accented?)))
            .collect();
        Self { words }
    }

    /// `name` with each unaccented word that has a known accented spelling restored, its
    /// capitals kept.
    pub fn restore(&self, name: &str) -> String {
        let mut output = String::with_capacity(name.len() + 8);
        let mut word = String::new();
        for character in name.chars().chain(std::iter::once(' ')) {
            if character.is_alphabetic() {
                word.push(character);
                continue;
            }
            output.push_str(&self.restore_word(&word));
            word.clear();
            output.push(character);
        }
        output.pop();
        output
    }

    fn restore_word(&self, word: &str) -> String {
        let Some(accented) = self.words.get(&word.to_lowercase()) else {
            return word.to_owned();
        };
        word.chars()
            .zip(accented.chars())
            .map(|(given, wanted)| match given.is_uppercase() {
                true => wanted.to_uppercase().next().unwrap_or(wanted),
                false => wanted,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cases_upper_names() {
        assert_eq!(
            title_case("COORDINATION DE L'ACTION SOCIALE DE SCHAERBEEK"),
            "Coordination de l'Action Sociale de Schaerbeek"
        );
        assert_eq!(
            title_case("COÖRDINATIE VAN DE SCHAARBEEKSE SOCIALE ACTIE"),
            "Coördinatie van de Schaarbeekse Sociale Actie"
        );
        assert_eq!(
            title_case("C.P.A.S. DE SCHAERBEEK"),
            "C.P.A.S. de Schaerbeek"
        );
        assert_eq!(title_case("KLINIEK ST.-JAN"), "Kliniek St.-Jan");
        assert_eq!(title_case("CLINIQUE ST. JEAN"), "Clinique St. Jean");
        assert_eq!(
            title_case("CPAS DE SAINT-GILLES ASBL"),
            "CPAS de Saint-Gilles ASBL"
        );
        assert_eq!(
            title_case("L'ENTRAIDE DES MAROLLES"),
            "L'Entraide des Marolles"
        );
    }

    #[test]
    fn quartier_and_street_names() {
        assert_eq!(title_case("CHAUSSEE DE HAECHT"), "Chaussee de Haecht");
        assert_eq!(title_case("GARE DE SCHAERBEEK"), "Gare de Schaerbeek");
        assert_eq!(title_case("ÉTANGS D'IXELLES"), "Étangs d'Ixelles");
        assert_eq!(
            title_case("ONZE LIEVE VROUW TER SNEEUW"),
            "Onze Lieve Vrouw ter Sneeuw"
        );
        assert_eq!(title_case("AV. J. J. CROCQ"), "Av. J. J. Crocq");
    }

    #[test]
    fn accents_come_back_from_names_that_have_them() {
        let accents = Accents::learn([
            "Chaussée de Haecht",
            "Rue des Étangs Noirs",
            "Place du Châtelain",
            "Rue de la Gare",
            "Allée Verte",
            "Rue Réservée",
            "Rue Resérvée",
        ]);
        assert_eq!(
            accents.restore(&title_case("CHAUSSEE DE HAECHT")),
            "Chaussée de Haecht"
        );
        assert_eq!(accents.restore("ETANGS D'IXELLES"), "ÉTANGS D'IXELLES");
        assert_eq!(accents.restore("Chatelain"), "Châtelain");
        assert_eq!(accents.restore("Gare de Schaerbeek"), "Gare de Schaerbeek");
        // Two spellings with marks: no guess.
        assert_eq!(accents.restore("Reservee"), "Reservee");
    }
}
