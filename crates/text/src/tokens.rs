//! Tokens: the folded words of a text with their matching key and capitalisation, in one
//! buffer (a text of any length costs two allocations, not two per word: record
//! descriptions are matched against the thesaurus at import).

use crate::fold::fold_word_into;
use crate::plural::key_parts;
use crate::words::words;
use std::ops::Range;

/// One token of a text, borrowed from its [`Tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Lowercased, accent-free.
    pub folded: &'a str,
    /// The matching key: `folded` without a plural ending (see [`crate::match_key`]).
    pub key: &'a str,
    /// Written in capitals (at least one letter, no lowercase letter).
    pub upper: bool,
}

/// Where one token's folded form and key lie in the buffer of its [`Tokens`].
#[derive(Debug, Clone)]
struct Span {
    folded: Range<usize>,
    key: Range<usize>,
    upper: bool,
}

/// The tokens of a text.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    buffer: String,
    spans: Vec<Span>,
}

impl Tokens {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the text had no word.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The tokens in text order.
    pub fn iter(&self) -> impl Iterator<Item = Token<'_>> + '_ {
        self.spans.iter().map(|span| Token {
            folded: &self.buffer[span.folded.clone()],
            key: &self.buffer[span.key.clone()],
            upper: span.upper,
        })
    }

    /// The folded tokens, owned.
    pub fn folded(&self) -> Vec<String> {
        self.iter().map(|token| token.folded.to_owned()).collect()
    }

    /// Appends one word: its folded form, then its key when the key is not a prefix of
    /// the folded form.
    fn push_word(&mut self, word: &str) {
        let start = self.buffer.len();
        fold_word_into(word, &mut self.buffer);
        let folded = start..self.buffer.len();
        if folded.is_empty() {
            return;
        }
        let (kept, suffix) = key_parts(&self.buffer[folded.clone()]);
        let key = if suffix.is_empty() {
            folded.start..folded.start + kept
        } else {
            let stem = self.buffer[folded.start..folded.start + kept].to_owned();
            let key_start = self.buffer.len();
            self.buffer.push_str(&stem);
            self.buffer.push_str(suffix);
            key_start..self.buffer.len()
        };
        self.spans.push(Span {
            folded,
            key,
            upper: written_in_capitals(word),
        });
    }
}

/// At least one letter and no lowercase letter.
fn written_in_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Splits a text into tokens with their folded form, key and capitalisation.
pub fn tokenize(text: &str) -> Tokens {
    let mut tokens = Tokens {
        buffer: String::with_capacity(text.len() + text.len() / 4),
        // about one word in six characters of running text
        spans: Vec::with_capacity(text.len() / 6 + 1),
    };
    for word in words(text) {
        tokens.push_word(&word.text);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::match_key;

    #[test]
    fn tokens_carry_the_keys_of_match_key() {
        let text = "Restaurants SOCIAUX, brieven, pakketten, ziekenhuizen, bureaux, ouderen";
        let tokens = tokenize(text);
        let keys: Vec<&str> = tokens.iter().map(|token| token.key).collect();
        assert_eq!(
            keys,
            [
                "restaurant",
                "social",
                "brief",
                "pakket",
                "ziekenhui",
                "bureau",
                "ouderen"
            ]
        );
        for token in tokens.iter() {
            assert_eq!(token.key, match_key(token.folded));
        }
    }

    #[test]
    fn tokens_remember_capitals() {
        let parsed = tokenize("Consultation ONE, Mr Dupont, C.P.A.S.");
        let upper: Vec<bool> = parsed.iter().map(|token| token.upper).collect();
        assert_eq!(upper, [false, true, false, false, true]);
        let digits: Vec<bool> = tokenize("112").iter().map(|token| token.upper).collect();
        assert_eq!(digits, [false]);
    }

    #[test]
    fn folded_tokens() {
        assert_eq!(
            tokenize("appeler le 112").folded(),
            ["appeler", "le", "112"]
        );
    }
}
