//! Folding and tokenisation: the one normalisation shared by the thesaurus and the texts
//! matched against it.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Words whose `-en` is not a plural ending worth dropping: "ouderen" (older people)
/// must not become "ouder" (parent), nor "jongeren" (young people) "jonger" (younger).
const NO_STEM: [&str; 2] = ["ouderen", "jongeren"];

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Lowercased, accent-free.
    pub folded: String,
    /// The matching key: `folded` without a plural ending.
    pub key: String,
    /// Written in capitals (at least one letter, no lowercase letter).
    pub upper: bool,
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
        .into_iter()
        .map(|token| token.folded)
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
    let stemmable = token.len() > 4 && token.bytes().all(|byte| byte.is_ascii_lowercase());
    if !stemmable || NO_STEM.contains(&token) {
        return token.to_owned();
    }
    let mut key = token.to_owned();
    if key.ends_with("eaux") {
        key.pop();
    } else if key.ends_with("aux") {
        key.truncate(key.len() - 3);
        key.push_str("al");
    } else if key.ends_with('s') || key.ends_with('x') {
        key.pop();
    }
    if key.len() > 4 && key.ends_with("en") {
        key.truncate(key.len() - 2);
        undo_dutch_plural_spelling(&mut key);
    }
    key
}

/// After dropping `-en`: doubled consonant (pakkett → pakket), `z` for `s`
/// (huiz → hui, like huis → hui), `v` for `f` (briev → brief).
fn undo_dutch_plural_spelling(key: &mut String) {
    let bytes = key.as_bytes();
    let Some(&last) = bytes.last() else {
        return;
    };
    let doubled = bytes.len() >= 2 && bytes[bytes.len() - 2] == last;
    let doubled_consonant = doubled && !b"aeiouy".contains(&last);
    if doubled_consonant || last == b'z' {
        key.pop();
    } else if last == b'v' {
        key.pop();
        key.push('f');
    }
}

/// Splits a text into tokens with their folded form, key and capitalisation.
///
/// Each character is decomposed on its own (ASCII needs none): combining marks are
/// dropped anyway, so their canonical order, the only thing a whole-text NFD adds,
/// does not matter.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current = TokenBuilder::default();
    let mut take = |ch: char, current: &mut TokenBuilder| {
        if is_combining_mark(ch) {
            return;
        }
        if ch.is_alphanumeric() {
            current.push(ch);
        } else if let Some(token) = current.finish() {
            tokens.push(token);
        }
    };
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            current.push(ch);
            continue;
        }
        if ch.is_ascii() {
            take(' ', &mut current);
            continue;
        }
        decompose_canonical(ch, |part| take(part, &mut current));
    }
    tokens.extend(current.finish());
    tokens
}

/// Accumulates the characters of one token.
#[derive(Default)]
struct TokenBuilder {
    folded: String,
    has_letter: bool,
    has_lowercase: bool,
}

impl TokenBuilder {
    fn push(&mut self, ch: char) {
        if ch.is_ascii() {
            if ch.is_ascii_alphabetic() {
                self.has_letter = true;
                self.has_lowercase |= ch.is_ascii_lowercase();
            }
            self.folded.push(ch.to_ascii_lowercase());
            return;
        }
        if ch.is_alphabetic() {
            self.has_letter = true;
            self.has_lowercase |= ch.is_lowercase();
        }
        match ch {
            'œ' | 'Œ' => self.folded.push_str("oe"),
            'æ' | 'Æ' => self.folded.push_str("ae"),
            'ß' => self.folded.push_str("ss"),
            'ĳ' | 'Ĳ' => self.folded.push_str("ij"),
            'ø' | 'Ø' => self.folded.push('o'),
            'ł' | 'Ł' => self.folded.push('l'),
            'đ' | 'Đ' => self.folded.push('d'),
            _ => self.folded.extend(ch.to_lowercase()),
        }
    }

    fn finish(&mut self) -> Option<Token> {
        if self.folded.is_empty() {
            return None;
        }
        // The buffer is reused: each token gets one allocation of its exact length.
        let folded = self.folded.as_str().to_owned();
        self.folded.clear();
        let token = Token {
            key: match_key(&folded),
            upper: self.has_letter && !self.has_lowercase,
            folded,
        };
        self.has_letter = false;
        self.has_lowercase = false;
        Some(token)
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
    fn tokens_remember_capitals() {
        let parsed = tokenize("Consultation ONE, Mr Dupont");
        let upper: Vec<bool> = parsed.iter().map(|token| token.upper).collect();
        assert_eq!(upper, [false, true, false, false]);
        assert!(!tokenize("112")[0].upper);
    }
}
