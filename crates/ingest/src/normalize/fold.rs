//! Folding for comparisons: lowercase, no accents, punctuation as spaces.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Calls `emit` with the characters of `c` without diacritics: `c` itself when ASCII, its
/// canonical decomposition minus combining marks otherwise. Decomposing character by
/// character is enough when the marks are dropped: their canonical order, the only thing a
/// whole-text NFD adds, does not matter.
pub fn without_marks(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c);
        return;
    }
    decompose_canonical(c, |part| {
        if !is_combining_mark(part) {
            emit(part);
        }
    });
}

/// Lowercases, removes diacritics and turns punctuation into single spaces.
///
/// Characters are decomposed one by one (ASCII needs none): the combining marks are
/// dropped, so the canonical reordering of a whole-text NFD would change nothing.
pub fn fold(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut take = |c: char, output: &mut String| {
        if c.is_alphanumeric() {
            if pending_space && !output.is_empty() {
                output.push(' ');
            }
            pending_space = false;
            if c.is_ascii() {
                output.push(c.to_ascii_lowercase());
            } else {
                output.extend(c.to_lowercase());
            }
        } else if c == '.' {
            // `C.P.A.S.` folds to `cpas`.
        } else {
            pending_space = true;
        }
    };
    for c in text.chars() {
        without_marks(c, |part| take(part, &mut output));
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
