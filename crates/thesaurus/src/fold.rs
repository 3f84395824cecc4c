//! Folding and tokenisation: the one normalisation shared by the thesaurus and the texts
//! matched against it.

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Words whose `-en` is not a plural ending worth dropping: "ouderen" (older people)
/// must not become "ouder" (parent), nor "jongeren" (young people) "jonger" (younger).
const NO_STEM: [&str; 2] = ["ouderen", "jongeren"];

/// One token of a text, borrowed from its [`Tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Lowercased, accent-free.
    pub folded: &'a str,
    /// The matching key: `folded` without a plural ending.
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

/// The tokens of a text, all in one buffer: a text of any length costs two allocations,
/// not two per word (record descriptions are matched against the thesaurus at import).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
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
}

/// Folds a text: lowercase, no accents, elisions and hyphens split, every
/// non-alphanumeric run turned into one space.
///
/// `fold("L'Épicerie SOCIALE — d'Ixelles")` is `"l epicerie sociale d ixelles"`.
pub fn fold(text: &str) -> String {
    tokens(text).join(" ")
}

/// The folded tokens of a text (see [`fold`]).
pub fn tokens(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .map(|token| token.folded.to_owned())
        .collect()
}

/// The matching key of one folded token: the token without a plural ending when it is
/// longer than 4 letters, so that singular and plural forms meet.
///
/// French: `-s`, `-x` dropped, `-aux` → `-al` (sociaux = social), `-eaux` → `-eau`.
/// Dutch: `-en` and `-s` dropped, with the spelling undone (pakketten = pakket,
/// ziekenhuizen = ziekenhuis, brieven = brief). Applied the same way to thesaurus
/// terms and texts, it only needs to be consistent, not linguistically exact.
pub fn match_key(token: &str) -> String {
    let (kept, suffix) = key_parts(token);
    let mut key = String::with_capacity(kept + suffix.len());
    key.push_str(&token[..kept]);
    key.push_str(suffix);
    key
}

/// The key of a token as the length of the token's prefix it keeps and a suffix to
/// append ("sociaux" → 4, "al"; "pakketten" → 6, ""; "brieven" → 4, "f").
fn key_parts(token: &str) -> (usize, &'static str) {
    let bytes = token.as_bytes();
    let stemmable = bytes.len() > 4 && bytes.iter().all(u8::is_ascii_lowercase);
    if !stemmable || NO_STEM.contains(&token) {
        return (bytes.len(), "");
    }
    let mut kept = bytes.len();
    if token.ends_with("eaux") {
        kept -= 1;
    } else if token.ends_with("aux") {
        return (kept - 3, "al");
    } else if token.ends_with('s') || token.ends_with('x') {
        kept -= 1;
    }
    if kept > 4 && token[..kept].ends_with("en") {
        kept -= 2;
        return undo_dutch_plural_spelling(&bytes[..kept]);
    }
    (kept, "")
}

/// After dropping `-en`: doubled consonant (pakkett → pakket), `z` for `s`
/// (huiz → hui, like huis → hui), `v` for `f` (briev → brief).
fn undo_dutch_plural_spelling(stem: &[u8]) -> (usize, &'static str) {
    let Some(&last) = stem.last() else {
        return (0, "");
    };
    let doubled = stem.len() >= 2 && stem[stem.len() - 2] == last;
    let doubled_consonant = doubled && !b"aeiouy".contains(&last);
    if doubled_consonant || last == b'z' {
        (stem.len() - 1, "")
    } else if last == b'v' {
        (stem.len() - 1, "f")
    } else {
        (stem.len(), "")
    }
}

/// Splits a text into tokens with their folded form, key and capitalisation.
///
/// Each character is decomposed on its own (ASCII needs none): combining marks are
/// dropped anyway, so their canonical order, the only thing a whole-text NFD adds,
/// does not matter.
pub(crate) fn tokenize(text: &str) -> Tokens {
    let mut builder = TokenBuilder {
        tokens: Tokens {
            buffer: String::with_capacity(text.len() + text.len() / 4),
            // about one word in six characters of running text
            spans: Vec::with_capacity(text.len() / 6 + 1),
        },
        ..TokenBuilder::default()
    };
    let bytes = text.as_bytes();
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        if ASCII_CLASS[usize::from(byte)] & ALPHANUMERIC != 0 {
            // a run of ASCII letters and digits: classified by table, appended at once
            let mut classes = 0;
            let run_start = position;
            while let Some(&byte) = bytes.get(position) {
                let class = ASCII_CLASS[usize::from(byte)];
                if class & ALPHANUMERIC == 0 {
                    break;
                }
                classes |= class;
                position += 1;
            }
            builder.push_ascii_run(&text[run_start..position], classes);
            continue;
        }
        if byte.is_ascii() {
            builder.finish();
            position += 1;
            continue;
        }
        let Some(ch) = text[position..].chars().next() else {
            break;
        };
        position += ch.len_utf8();
        decompose_canonical(ch, |part| {
            if is_combining_mark(part) {
                return;
            }
            if part.is_alphanumeric() {
                builder.push(part);
            } else {
                builder.finish();
            }
        });
    }
    builder.finish();
    builder.tokens
}

/// ASCII byte classes: letter or digit, lowercase letter, uppercase letter.
const ALPHANUMERIC: u8 = 1;
const LOWERCASE: u8 = 2;
const UPPERCASE: u8 = 4;

/// The class of every byte value (0 for non-ASCII bytes and ASCII punctuation).
const ASCII_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        let value = byte as u8;
        classes[byte] = if value.is_ascii_digit() {
            ALPHANUMERIC
        } else if value.is_ascii_lowercase() {
            ALPHANUMERIC | LOWERCASE
        } else if value.is_ascii_uppercase() {
            ALPHANUMERIC | UPPERCASE
        } else {
            0
        };
        byte += 1;
    }
    classes
};

/// Accumulates the tokens of a text, writing each token's characters straight into the
/// shared buffer.
#[derive(Default)]
struct TokenBuilder {
    tokens: Tokens,
    /// Where the current token starts in the buffer.
    start: usize,
    has_letter: bool,
    has_lowercase: bool,
}

impl TokenBuilder {
    /// Appends a run of ASCII letters and digits whose byte classes, or-ed, are `classes`.
    fn push_ascii_run(&mut self, run: &str, classes: u8) {
        self.has_letter |= classes & (LOWERCASE | UPPERCASE) != 0;
        self.has_lowercase |= classes & LOWERCASE != 0;
        let from = self.tokens.buffer.len();
        self.tokens.buffer.push_str(run);
        self.tokens.buffer[from..].make_ascii_lowercase();
    }

    fn push(&mut self, ch: char) {
        let folded = &mut self.tokens.buffer;
        if ch.is_ascii() {
            if ch.is_ascii_alphabetic() {
                self.has_letter = true;
                self.has_lowercase |= ch.is_ascii_lowercase();
            }
            folded.push(ch.to_ascii_lowercase());
            return;
        }
        if ch.is_alphabetic() {
            self.has_letter = true;
            self.has_lowercase |= ch.is_lowercase();
        }
        match ch {
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            'ĳ' | 'Ĳ' => folded.push_str("ij"),
            'ø' | 'Ø' => folded.push('o'),
            'ł' | 'Ł' => folded.push('l'),
            'đ' | 'Đ' => folded.push('d'),
            _ => folded.extend(ch.to_lowercase()),
        }
    }

    /// Ends the current token, if any: records its span and appends its key to the
    /// buffer when the key is not a prefix of the folded form.
    fn finish(&mut self) {
        let buffer = &mut self.tokens.buffer;
        let folded = self.start..buffer.len();
        if folded.is_empty() {
            return;
        }
        let (kept, suffix) = key_parts(&buffer[folded.clone()]);
        let key = if suffix.is_empty() {
            folded.start..folded.start + kept
        } else {
            let key_start = buffer.len();
            // stems of rewritten keys are ASCII (see `key_parts`): copied byte by byte
            for position in folded.start..folded.start + kept {
                let byte = buffer.as_bytes()[position];
                buffer.push(char::from(byte));
            }
            buffer.push_str(suffix);
            key_start..buffer.len()
        };
        self.tokens.spans.push(Span {
            folded,
            key,
            upper: self.has_letter && !self.has_lowercase,
        });
        self.start = buffer.len();
        self.has_letter = false;
        self.has_lowercase = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_elisions_and_punctuation() {
        assert_eq!(
            fold("L'Épicerie SOCIALE — d’Ixelles!"),
            "l epicerie sociale d ixelles"
        );
        assert_eq!(fold("sans-abri / SDF"), "sans abri sdf");
        assert_eq!(fold("Resto du Cœur"), "resto du coeur");
        assert_eq!(fold("Thuiszorgcoördinatie"), "thuiszorgcoordinatie");
        assert_eq!(fold("  "), "");
        assert_eq!(tokens("appeler le 112"), ["appeler", "le", "112"]);
    }

    #[test]
    fn keys_join_singular_and_plural() {
        let same = |left: &str, right: &str| assert_eq!(match_key(left), match_key(right));
        same("alimentaires", "alimentaire");
        same("restaurants", "restaurant");
        same("sociaux", "social");
        same("bureaux", "bureau");
        same("voedselpakketten", "voedselpakket");
        same("ziekenhuizen", "ziekenhuis");
        same("gezinnen", "gezin");
        same("brieven", "brief");
        same("citoyens", "citoyen");
        same("verslavingen", "verslaving");
    }

    #[test]
    fn keys_keep_short_and_protected_words() {
        assert_eq!(match_key("sans"), "sans");
        assert_eq!(match_key("cpas"), "cpas");
        assert_eq!(match_key("ouderen"), "ouderen");
        assert_ne!(match_key("ouderen"), match_key("ouders"));
        assert_eq!(match_key("nt2"), "nt2");
    }

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

    /// The reading one character at a time that the ASCII runs of `tokenize` shortcut.
    fn tokenize_by_character(text: &str) -> Tokens {
        let mut builder = TokenBuilder::default();
        for ch in text.chars() {
            if ch.is_ascii_alphanumeric() {
                builder.push(ch);
            } else if ch.is_ascii() {
                builder.finish();
            } else {
                decompose_canonical(ch, |part| match part {
                    _ if is_combining_mark(part) => {}
                    _ if part.is_alphanumeric() => builder.push(part),
                    _ => builder.finish(),
                });
            }
        }
        builder.finish();
        builder.tokens
    }

    #[test]
    fn ascii_runs_read_as_characters_do() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/sample/social_brussels_sample.ndjson"
        );
        let sample = std::fs::read_to_string(path).expect("the bundled sample");
        let mut texts: Vec<&str> = sample.lines().take(300).collect();
        texts.extend([
            "",
            "CPAS/OCMW 1000-Bruxelles: 24h/24 ÉTÉ été Œuvre ß ĳs",
            "aBc123 XYZ x9 Ärzte l’accueil — «thuiszorg»",
        ]);
        for text in texts {
            let (tokens, reference) = (tokenize(text), tokenize_by_character(text));
            let fast: Vec<Token> = tokens.iter().collect();
            let slow: Vec<Token> = reference.iter().collect();
            assert_eq!(fast, slow, "{text}");
        }
    }

    #[test]
    fn tokens_remember_capitals() {
        let parsed = tokenize("Consultation ONE, Mr Dupont");
        let upper: Vec<bool> = parsed.iter().map(|token| token.upper).collect();
        assert_eq!(upper, [false, true, false, false]);
        let digits: Vec<bool> = tokenize("112").iter().map(|token| token.upper).collect();
        assert_eq!(digits, [false]);
    }
}
