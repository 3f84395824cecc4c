//! Folding for comparisons: lowercase, no accents, punctuation as spaces.

use unicode_normalization::UnicodeNormalization;

/// Lowercases, removes diacritics and turns punctuation into single spaces.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    let mut output = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !output.is_empty() {
                output.push(' ');
            }
            pending_space = false;
            output.extend(c.to_lowercase());
        } else if c == '.' {
            // `C.P.A.S.` folds to `cpas`.
            continue;
        } else {
            pending_space = true;
        }
    }
    output
}

/// [`fold`] for ASCII text, without Unicode decomposition.
fn fold_ascii(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !output.is_empty() {
                output.push(' ');
            }
            pending_space = false;
            output.push(c.to_ascii_lowercase());
        } else if c != '.' {
            pending_space = true;
        }
    }
    output
}

/// The words of a folded text.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds() {
        assert_eq!(fold("C.P.A.S. de  SCHAERBEEK"), "cpas de schaerbeek");
        assert_eq!(fold("Coördinatie – l'Été"), "coordinatie l ete");
    }
}
