//! What a person types as a place, cut into its parts: `Rue Josaphat 120, 1030` is the
//! street `Rue Josaphat`, the number `120` and the postcode `1030`; `12 av. Louise
//! Ixelles` the number `12`, the street `av. Louise` and the commune word `Ixelles`
//! (communes are recognised by the caller, who knows their names).

/// A typed place, cut into parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    /// The words that are neither number nor postcode, in order (street and commune).
    pub words: String,
    /// The house number as typed (`120`, `12A`, `121-125`), when one was.
    pub number: Option<String>,
    /// A Brussels postcode (1000–1299), when one was typed.
    pub postcode: Option<String>,
}

impl Typed {
    /// The first house number of what was typed (`121-125` → 121, `12A` → 12).
    pub fn first_number(&self) -> Option<u32> {
        let number = self.number.as_deref()?;
        let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok().filter(|value| *value > 0)
    }
}

/// True for a Brussels postcode.
fn is_postcode(token: &str) -> bool {
    token.len() == 4
        && token.bytes().all(|byte| byte.is_ascii_digit())
        && ("1000"..="1299").contains(&token)
}

/// True for a house number: digits, then at most a letter or a range (`12`, `12A`,
/// `121-125`, `7/9`).
fn is_house_number(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    if !first.is_ascii_digit() || token.len() > 12 {
        return false;
    }
    let digits = token.chars().take_while(char::is_ascii_digit).count();
    let rest = &token[digits..];
    rest.is_empty()
        || (rest.len() <= 2 && rest.chars().all(char::is_alphabetic))
        || rest
            .strip_prefix(['-', '/'])
            .is_some_and(|tail| !tail.is_empty() && tail.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Words announcing a house number (`n° 12`, `nr 12`), dropped.
const NUMBER_WORDS: &[&str] = &["n°", "nº", "no", "nr", "n"];

/// A postcode glued to the commune (`1050-ELSENE`, `1083-Ganshoren`) as two tokens, and
/// without the country letter before it (`B-1030`).
fn glued_postcode(token: &str) -> Vec<&str> {
    let country = ["B-", "b-", "BE-", "be-", "Be-"]
        .iter()
        .find_map(|prefix| token.strip_prefix(prefix))
        .filter(|rest| is_postcode(rest));
    if let Some(code) = country {
        return vec![code];
    }
    match token.split_once('-') {
        Some((code, rest)) if is_postcode(code) && rest.starts_with(char::is_alphabetic) => {
            vec![code, rest]
        }
        _ => vec![token],
    }
}

/// Box, flat, doorbell and floor words (`bte 3`, `bus 2`, `appartement 4B`, `sonnette 2`,
/// `étage 3`) are dropped with their value.
const BOX_WORDS: &[&str] = &[
    "bte",
    "boite",
    "boîte",
    "bus",
    "bt",
    "b",
    "appartement",
    "appart",
    "appt",
    "app",
    "apt",
    "sonnette",
    "bel",
    "deurbel",
    "étage",
    "etage",
    "verdieping",
];

/// Floor and doorbell words (`2e étage`, `3de verdieping`, `2ème sonnette`) are dropped
/// with the ordinal before them.
const FLOOR_WORDS: &[&str] = &["étage", "etage", "verdieping", "verd", "sonnette", "bel"];

/// Words for the ground floor, dropped.
const GROUND_FLOOR: &[&str] = &[
    "rdc",
    "rez",
    "rez-de-chaussée",
    "rez-de-chaussee",
    "gelijkvloers",
];

/// The country, written after the postcode and commune (`Belgique`, `België`), dropped.
const COUNTRY_WORDS: &[&str] = &["belgique", "belgie", "belgië", "belgium", "belgien"];

/// Whether a token is a floor's ordinal (`2e`, `4è`, `1er`, `3ème`, `2de`, `1ste`).
fn is_ordinal(token: &str) -> bool {
    let digits = token.chars().take_while(char::is_ascii_digit).count();
    let suffix = &token[digits..];
    digits > 0 && ["e", "è", "er", "ere", "ère", "eme", "ème", "de", "ste"].contains(&suffix)
}

/// A number glued to its announcing word (`n°12`, `nr.5`) without the word.
fn without_number_word(token: &str) -> &str {
    for word in ["n°", "nº", "nr.", "nr", "no."] {
        if let Some(rest) = token.strip_prefix(word) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    token
}

/// Words right after a house number that repeat it (`12 bis`), dropped.
const REPEATS: &[&str] = &["bis", "ter", "quater"];

/// Whether a token (lowercased) says nothing of the street: a number word, the country or
/// the ground floor.
fn is_noise(lower: &str) -> bool {
    NUMBER_WORDS.contains(&lower) || COUNTRY_WORDS.contains(&lower) || GROUND_FLOOR.contains(&lower)
}

/// The text without its notes in brackets (`(sonnette 2)`, `(porte de gauche)`), unless a
/// note holds a Brussels postcode (`(1020 Laeken)`).
fn without_notes(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(length) = rest[open..].find(')') else {
            break;
        };
        let note = &rest[open + 1..open + length];
        let holds_postcode = note.split(|c: char| !c.is_ascii_digit()).any(is_postcode);
        kept.push_str(&rest[..open]);
        if holds_postcode {
            kept.push_str(note);
        }
        kept.push(' ');
        rest = &rest[open + length + 1..];
    }
    kept.push_str(rest);
    kept
}

/// Cuts a typed place (at most 200 characters are read).
pub fn parse(text: &str) -> Typed {
    let text: String = text.chars().take(200).collect();
    let text = without_notes(&text);
    let mut typed = Typed::default();
    let mut words: Vec<&str> = Vec::new();
    let split: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .flat_map(glued_postcode)
        .filter(|token| !token.is_empty())
        .collect();
    let mut tokens = split.into_iter().peekable();
    while let Some(token) = tokens.next() {
        let bare = token.trim_matches(|c: char| c == '(' || c == ')' || c == '.');
        let bare = without_number_word(bare);
        let next_is_floor = tokens.peek().is_some_and(|next| {
            let word = next.trim_end_matches('.').to_lowercase();
            FLOOR_WORDS.contains(&word.as_str())
        });
        if is_ordinal(&bare.to_lowercase()) && next_is_floor {
            tokens.next();
            continue;
        }
        if typed.postcode.is_none() && is_postcode(bare) {
            typed.postcode = Some(bare.to_owned());
            continue;
        }
        // A second postcode-like number: the first was the house number (`Chaussée de
        // Waterloo 1000, 1180`).
        if typed.number.is_none() && is_postcode(bare) {
            typed.number = typed.postcode.replace(bare.to_owned());
            continue;
        }
        if typed.number.is_none() && is_house_number(bare) {
            typed.number = Some(bare.to_owned());
            let repeat = |next: &&str| REPEATS.contains(&next.to_lowercase().as_str());
            tokens.next_if(repeat);
            // `27 - 29`: the second half of a range written with spaces.
            let range_end = |next: &&str| is_house_number(next) && !is_postcode(next);
            if tokens.peek() == Some(&"-") {
                tokens.next();
                tokens.next_if(range_end);
            }
            continue;
        }
        if is_noise(&bare.to_lowercase()) {
            continue;
        }
        if BOX_WORDS.contains(&bare.to_lowercase().as_str())
            && tokens
                .peek()
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
        {
            tokens.next();
            continue;
        }
        words.push(token);
    }
    typed.words = words.join(" ");
    typed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn street_number_and_postcode_in_any_order() {
        let typed = parse("Rue Josaphat 120, 1030");
        assert_eq!(typed.words, "Rue Josaphat");
        assert_eq!(typed.number.as_deref(), Some("120"));
        assert_eq!(typed.postcode.as_deref(), Some("1030"));
        let typed = parse("12 av. Louise Ixelles");
        assert_eq!(typed.words, "av. Louise Ixelles");
        assert_eq!(typed.first_number(), Some(12));
        assert_eq!(parse("BD. J. GRAINDOR 66").words, "BD. J. GRAINDOR");
    }

    #[test]
    fn ranges_letters_boxes_and_non_brussels_numbers() {
        assert_eq!(parse("Chaussée de Gand 121-125").first_number(), Some(121));
        let glued = parse("Dekensstraat 161, 1040-Etterbeek");
        assert_eq!(glued.words, "Dekensstraat Etterbeek");
        assert_eq!(glued.postcode.as_deref(), Some("1040"));
        let announced = parse("Avenue de la Clairière n° 121 - 1050");
        assert_eq!(announced.words, "Avenue de la Clairière");
        assert_eq!(announced.postcode.as_deref(), Some("1050"));
        let spaced = parse("RUE DU MOULIN 27 - 29, 1210");
        assert_eq!(
            (spaced.words.as_str(), spaced.first_number()),
            ("RUE DU MOULIN", Some(27))
        );
        assert_eq!(
            parse("Josafatstraat 12A bus 3, 1030").number.as_deref(),
            Some("12A")
        );
        assert_eq!(
            parse("Josafatstraat 12A bus 3, 1030").words,
            "Josafatstraat"
        );
        let outside = parse("Grote Markt 1, 9000");
        assert_eq!(outside.postcode, None);
        assert_eq!(outside.number.as_deref(), Some("1"));
        assert_eq!(parse("").words, "");
        assert_eq!(parse("1030").postcode.as_deref(), Some("1030"));
    }

    #[test]
    fn floors_flats_countries_and_glued_number_words() {
        let floor = parse("rue Haute 298, 2e étage");
        assert_eq!(
            (floor.words.as_str(), floor.first_number()),
            ("rue Haute", Some(298))
        );
        let before = parse("3ème étage, Rue Haute 298");
        assert_eq!(
            (before.words.as_str(), before.first_number()),
            ("Rue Haute", Some(298))
        );
        let flat = parse("Rue Haute 298 appartement 3B, 1000 Bruxelles, Belgique");
        assert_eq!(flat.words, "Rue Haute Bruxelles");
        assert_eq!(flat.postcode.as_deref(), Some("1000"));
        assert_eq!(parse("rue Haute n°298").first_number(), Some(298));
        assert_eq!(
            parse("Hoogstraat 298 gelijkvloers, België").words,
            "Hoogstraat"
        );
        assert_eq!(parse("Kerkstraat 3de verdieping 5").first_number(), Some(5));
        assert_eq!(
            parse("Blücherlaan 192B, 4DE VERD., 1180").words,
            "Blücherlaan"
        );
        assert_eq!(parse("Rue X 5, b-1210").postcode.as_deref(), Some("1210"));
        assert_eq!(parse("Rue X 5 bis, BE-1210").words, "Rue X");
        assert_eq!(
            parse("Onze Lieve Vrouw ter Sneeuw").words,
            "Onze Lieve Vrouw ter Sneeuw"
        );
        let noted = parse("Rue Josaphat 120 (sonnette 2), 1030 (porte de gauche)");
        assert_eq!(
            (noted.words.as_str(), noted.first_number()),
            ("Rue Josaphat", Some(120))
        );
        assert_eq!(
            parse("Rue Haute 5 (1020 Laeken)").postcode.as_deref(),
            Some("1020")
        );
        assert_eq!(parse("Rue Haute (5").first_number(), Some(5));
        let high = parse("Ch. de Waterloo 1000, 1180");
        assert_eq!(
            (high.first_number(), high.postcode.as_deref()),
            (Some(1000), Some("1180"))
        );
    }
}
