//! Where the words of a text are.
//!
//! A word is a run of letters and digits (combining accents included). A dotted acronym
//! — two or more single letters each followed by a dot, the last dot optional, as in
//! `C.P.A.S.` or `S.O.S` — is one word written without its dots, so that it meets the
//! same acronym written plainly (`CPAS`). Single letters joined by ampersands (`K&G`,
//! `K & G`) are one word too (`KG`).

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written (a dotted acronym without its dots), not folded.
    pub text: Cow<'a, str>,
    /// Where the word lies in the text, in bytes (a dotted acronym with its dots).
    pub span: Range<usize>,
}

/// True for a character that belongs to a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of a text, in order.
pub fn words(text: &str) -> Words<'_> {
    Words { text, position: 0 }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let rest = &text[self.position..];
        let offset = rest.find(|c: char| c.is_alphanumeric())?;
        let start = self.position + offset;
        let acronym = dotted_acronym(text, start).or_else(|| ampersand_acronym(text, start));
        if let Some((end, letters)) = acronym {
            self.position = end;
            return Some(Word {
                text: Cow::Owned(letters),
                span: start..end,
            });
        }
        let length = text[start..]
            .find(|c: char| !is_word_char(c))
            .unwrap_or(text.len() - start);
        let end = start + length;
        self.position = end;
        Some(Word {
            text: Cow::Borrowed(&text[start..end]),
            span: start..end,
        })
    }
}

/// A dotted acronym starting at `start` (a word start): its end and its letters.
fn dotted_acronym(text: &str, start: usize) -> Option<(usize, String)> {
    let mut letters = String::new();
    let mut count = 0;
    let mut position = start;
    loop {
        let mut chars = text[position..].chars();
        let Some(letter) = chars.next().filter(|c| c.is_alphabetic()) else {
            break;
        };
        let after = chars.next();
        if after == Some('.') {
            letters.push(letter);
            count += 1;
            position += letter.len_utf8() + 1;
            continue;
        }
        // `C.P.A.S`: a last single letter without its dot ends the acronym.
        let last_letter = count >= 2 && !after.is_some_and(is_word_char);
        if last_letter {
            letters.push(letter);
            count += 1;
            position += letter.len_utf8();
        }
        break;
    }
    let ends_word = !text[position..].starts_with(is_word_char);
    (count >= 2 && ends_word).then_some((position, letters))
}

/// Single letters joined by `&` starting at `start` (`K&G`, `K & G`): end and letters.
fn ampersand_acronym(text: &str, start: usize) -> Option<(usize, String)> {
    let mut letters = String::new();
    let mut position = start;
    loop {
        let letter = text[position..]
            .chars()
            .next()
            .filter(|c| c.is_alphabetic())?;
        let after_letter = position + letter.len_utf8();
        if text[after_letter..].starts_with(is_word_char) {
            return None;
        }
        letters.push(letter);
        position = after_letter;
        let rest = &text[position..];
        let joined = rest.trim_start_matches(' ');
        let Some(next) = joined.strip_prefix('&') else {
            break;
        };
        let next_start = text.len() - next.trim_start_matches(' ').len();
        if !text[next_start..].starts_with(char::is_alphabetic) {
            break;
        }
        position = next_start;
    }
    (letters.chars().count() >= 2).then_some((position, letters))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text).map(|word| word.text.into_owned()).collect()
    }

    #[test]
    fn splits_on_punctuation_and_keeps_accents() {
        assert_eq!(
            texts("L'Épicerie — d’Ixelles!"),
            ["L", "Épicerie", "d", "Ixelles"]
        );
        assert_eq!(texts("24h/24, 8.30"), ["24h", "24", "8", "30"]);
        assert_eq!(texts("a\u{301}b"), ["a\u{301}b"]);
        assert!(texts(" .,; ").is_empty());
    }

    #[test]
    fn dotted_acronyms_are_one_word() {
        assert_eq!(texts("C.P.A.S. de Forest"), ["CPAS", "de", "Forest"]);
        assert_eq!(texts("(S.O.S)"), ["SOS"]);
        assert_eq!(texts("A.S.B.L.Test"), ["A", "S", "B", "L", "Test"]);
        assert_eq!(texts("M. Dupont"), ["M", "Dupont"]);
        assert_eq!(texts("Av. Louise"), ["Av", "Louise"]);
        assert_eq!(texts("1.2.3"), ["1", "2", "3"]);
        assert_eq!(texts("C.P.Asbl"), ["C", "P", "Asbl"]);
    }

    #[test]
    fn ampersand_acronyms_are_one_word() {
        assert_eq!(texts("K&G Schaerbeek"), ["KG", "Schaerbeek"]);
        assert_eq!(texts("(K & G)"), ["KG"]);
        assert_eq!(texts("Kind & Gezin"), ["Kind", "Gezin"]);
        assert_eq!(texts("K&Gezin"), ["K", "Gezin"]);
        assert_eq!(texts("a &"), ["a"]);
        assert_eq!(texts("R&D&"), ["RD"]);
    }

    #[test]
    fn spans_cover_the_written_word() {
        let text = "x C.P.A.S. y";
        let spans: Vec<_> = words(text).map(|word| word.span).collect();
        assert_eq!(spans, [0..1, 2..10, 11..12]);
    }
}
