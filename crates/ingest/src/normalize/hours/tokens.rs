//! Tokens of an opening-hours text.

use super::lexicon;
use aho_corasick::AhoCorasick;
use orienta_model::{Lang, Weekday};
use std::sync::LazyLock;

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A day name.
    Day(Weekday),
    /// A time with a unit or minutes (`8h30`, `16u`, `8.30`), minutes since midnight.
    Time(u16),
    /// A bare number that may be an hour (`13` in `13-16 u`).
    Number(u16),
    /// Joins the ends of a range (`-`, `à`, `tot`).
    Range,
    /// Joins list items (`,`, `et`, `en`, `/`).
    List,
    /// Ends a clause (`;`, new line).
    Break,
    /// Every day of the week.
    EveryDay,
    /// Open day and night.
    RoundTheClock,
    /// Any other word.
    Word(String),
}

/// The value of at most four ASCII digits.
fn decimal(digits: &[char]) -> u16 {
    digits.iter().fold(0, |value, digit| {
        value * 10 + digit.to_digit(10).map_or(0, |digit| digit as u16)
    })
}

/// Reads `8`, `8h`, `8h30`, `8.30`, `8:30`, `8u30` at the start of `chars`.
fn read_time(chars: &[char]) -> (Token, usize) {
    let digits = chars
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
        .min(4);
    let number = decimal(&chars[..digits]);
    let separator = chars.get(digits).copied();
    let minutes_start = digits + 1;
    let minute_digits = chars
        .get(minutes_start..)
        .map(|rest| rest.iter().take_while(|c| c.is_ascii_digit()).count())
        .unwrap_or(0);
    let minutes: Option<u16> =
        (minute_digits == 2).then(|| decimal(&chars[minutes_start..minutes_start + 2]));
    let unit_glued = matches!(separator, Some('h' | 'u'))
        && !chars
            .get(digits + 1)
            .is_some_and(|c| c.is_alphabetic() && *c != 'r');
    match (separator, minutes) {
        (Some('h' | 'u' | ':' | '.'), Some(minutes)) if number <= 24 && minutes < 60 => {
            (Token::Time(number * 60 + minutes), minutes_start + 2)
        }
        (Some('h' | 'u'), None) if unit_glued && number <= 24 => {
            let mut used = digits + 1;
            if chars.get(used) == Some(&'r')
                && chars.get(digits..digits + 3) == Some(&['u', 'u', 'r'])
            {
                used = digits + 3;
            }
            (Token::Time(number * 60), used)
        }
        _ => (Token::Number(number), digits),
    }
}

/// Every phrase of [`lexicon::PHRASES`] in one automaton: most texts hold none, and are
/// then read once instead of once per phrase (`None` if it could not be built: every text
/// is then searched phrase by phrase).
static ANY_PHRASE: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(lexicon::PHRASES.iter().map(|(phrase, _)| phrase)).ok());

/// Splits a text into tokens.
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    // lowercase without accents; punctuation kept: it separates ranges and lists
    let mut folded = orienta_text::lower_without_marks(text);
    let has_phrase = ANY_PHRASE
        .as_ref()
        .is_none_or(|phrases| phrases.is_match(&folded));
    if has_phrase {
        for (phrase, replacement) in lexicon::PHRASES {
            if folded.contains(phrase) {
                folded = folded.replace(phrase, replacement);
            }
        }
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        if c.is_ascii_digit() {
            let (token, used) = read_time(&chars[index..]);
            tokens.push(token);
            index += used.max(1);
            continue;
        }
        if c.is_alphabetic() {
            let length = chars[index..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            word.clear();
            word.extend(&chars[index..index + length]);
            index += length;
            tokens.push(match word.as_str() {
                "everyday" => Token::EveryDay,
                "roundtheclock" => Token::RoundTheClock,
                w if lexicon::RANGE_WORDS.contains(&w) => Token::Range,
                w if lexicon::NOON_WORDS.contains(&w) => Token::Time(12 * 60),
                w => match lexicon::day(w, lang) {
                    Some(day) => Token::Day(day),
                    None => Token::Word(w.to_owned()),
                },
            });
            continue;
        }
        match c {
            '-' | '–' | '—' => tokens.push(Token::Range),
            ',' | '/' | '+' | '&' => tokens.push(Token::List),
            ';' | '\n' | '|' => tokens.push(Token::Break),
            _ => {}
        }
        index += 1;
    }
    with_units(tokens)
}

/// `16 uur` → a time; the unit words are dropped.
fn with_units(tokens: Vec<Token>) -> Vec<Token> {
    let mut output: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let Token::Word(word) = &token {
            if lexicon::HOUR_UNITS.contains(&word.as_str()) {
                if let Some(Token::Number(hour)) = output.last() {
                    let hour = *hour;
                    if hour <= 24 {
                        output.pop();
                        output.push(Token::Time(hour * 60));
                    }
                }
                continue;
            }
        }
        output.push(token);
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_replaced() {
        assert_eq!(
            tokenize("Ouvert 24h/24, 7j/7", Lang::Fr),
            [
                Token::Word("ouvert".to_owned()),
                Token::RoundTheClock,
                Token::List,
                Token::EveryDay
            ]
        );
        assert!(ANY_PHRASE.is_some());
        for (phrase, _) in lexicon::PHRASES {
            let text = format!("lundi {phrase} mardi");
            assert!(ANY_PHRASE.as_ref().is_some_and(|any| any.is_match(&text)));
        }
        assert!(!ANY_PHRASE
            .as_ref()
            .is_some_and(|any| any.is_match("lundi de 9h a 17h")));
    }

    #[test]
    fn times() {
        let tokens = tokenize("8h30 16h 8.30 uur 12 u 9u 17u30 13:15", Lang::Fr);
        assert_eq!(
            tokens,
            [510, 960, 510, 720, 540, 1050, 795]
                .map(Token::Time)
                .to_vec()
        );
    }
}
