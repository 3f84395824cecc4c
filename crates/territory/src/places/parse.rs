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

/// A postcode glued to the commune (`1050-ELSENE`, `1083-Ganshoren`) as two tokens.
fn glued_postcode(token: &str) -> Vec<&str> {
    match token.split_once('-') {
        Some((code, rest)) if is_postcode(code) && rest.starts_with(char::is_alphabetic) => {
            vec![code, rest]
        }
        _ => vec![token],
    }
}

/// Box words after a number (`bte 3`, `bus 2`) are dropped with their value.
const BOX_WORDS: &[&str] = &["bte", "boite", "boîte", "bus", "bt", "b"];

/// Cuts a typed place (at most 200 characters are read).
pub fn parse(text: &str) -> Typed {
    let text: String = text.chars().take(200).collect();
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
        if typed.postcode.is_none() && is_postcode(bare) {
            typed.postcode = Some(bare.to_owned());
            continue;
        }
        if typed.number.is_none() && is_house_number(bare) {
            typed.number = Some(bare.to_owned());
            // `27 - 29`: the second half of a range written with spaces.
            let range_end = |next: &&str| is_house_number(next) && !is_postcode(next);
            if tokens.peek() == Some(&"-") {
                tokens.next();
                tokens.next_if(range_end);
            }
            continue;
        }
        if NUMBER_WORDS.contains(&bare.to_lowercase().as_str()) {
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
}
