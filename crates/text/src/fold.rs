//! Folding: lowercase, no accents, ligatures spelled out, punctuation as single spaces.
//!
//! `fold("L'Épicerie SOCIALE — d'Ixelles")` is `"l epicerie sociale d ixelles"`,
//! `fold("C.P.A.S. Œuvre")` is `"cpas oeuvre"`.

use crate::words::words;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Calls `emit` with the folded form of one character: lowercase, without diacritics,
/// ligatures and letters that do not decompose spelled out (`Œ` → `oe`, `ß` → `ss`,
/// `ø` → `o`). Decomposing character by character is enough when the marks are dropped:
/// their canonical order, the only thing a whole-text NFD adds, does not matter.
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    if let Some(spelled) = spelled_out(c) {
        spelled.chars().for_each(emit);
        return;
    }
    decompose_canonical(c, |part| {
        if !is_combining_mark(part) {
            part.to_lowercase().for_each(&mut emit);
        }
    });
}

/// Letters that have no canonical decomposition, spelled in ASCII.
fn spelled_out(c: char) -> Option<&'static str> {
    let spelled = match c {
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' | 'ẞ' => "ss",
        'ĳ' | 'Ĳ' => "ij",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        _ => return None,
    };
    Some(spelled)
}

/// Appends the folded form of one word (see [`fold_char`]) to `out`.
pub fn fold_word_into(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, |folded| out.push(folded));
    }
}

/// Folds a text: its [`words`](crate::words()) folded, separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in words(text) {
        if !folded.is_empty() {
            folded.push(' ');
        }
        fold_word_into(&word.text, &mut folded);
    }
    folded
}

/// Lowercases and removes diacritics, keeping punctuation and spacing as they are (for
/// texts whose punctuation means something, such as opening hours: `8h30-12h`).
pub fn lower_without_marks(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |part| folded.push(part));
    }
    folded
}

/// A web-safe slug of a name: its folded words joined by `-`, at most 40 bytes, cut at a
/// word boundary; `service` when nothing is left.
pub fn slug(name: &str) -> String {
    const MAX_BYTES: usize = 40;
    let mut slug = fold(name).replace(' ', "-");
    slug.retain(|c| c.is_ascii_alphanumeric() || c == '-');
    if slug.len() > MAX_BYTES {
        let cut = slug[..MAX_BYTES].rfind('-').unwrap_or(MAX_BYTES);
        slug.truncate(cut);
    }
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        return "service".to_owned();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_ligatures_and_punctuation() {
        assert_eq!(
            fold("L'Épicerie SOCIALE — d’Ixelles!"),
            "l epicerie sociale d ixelles"
        );
        assert_eq!(fold("sans-abri / SDF"), "sans abri sdf");
        assert_eq!(fold("Resto du Cœur"), "resto du coeur");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Thuiszorgcoördinatie"), "thuiszorgcoordinatie");
        assert_eq!(fold("C.P.A.S. de  SCHAERBEEK"), "cpas de schaerbeek");
        assert_eq!(fold("İstanbul Straße"), "istanbul strasse");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn keeps_punctuation_when_asked() {
        assert_eq!(lower_without_marks("Lundi: 8h30–12H"), "lundi: 8h30–12h");
        assert_eq!(lower_without_marks("Été"), "ete");
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Maison médicale « Le Noyer »"),
            "maison-medicale-le-noyer"
        );
        assert_eq!(slug("C.P.A.S. d'Ixelles"), "cpas-d-ixelles");
        assert_eq!(slug("!!!"), "service");
        assert!(slug(&"Association ".repeat(10)).len() <= 40);
    }
}
