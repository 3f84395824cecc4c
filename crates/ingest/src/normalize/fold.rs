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
/// dropped, so the canonical reordering of a whole-text NFD would change nothing. Runs of
/// ASCII letters and digits are copied and lowered at once.
pub fn fold(text: &str) -> String {
    let mut folder = Folder {
        output: String::with_capacity(text.len()),
        pending_space: false,
    };
    let bytes = text.as_bytes();
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        if byte.is_ascii_alphanumeric() {
            let start = position;
            while bytes.get(position).is_some_and(u8::is_ascii_alphanumeric) {
                position += 1;
            }
            folder.push_ascii_run(&text[start..position]);
            continue;
        }
        let Some(c) = text[position..].chars().next() else {
            break;
        };
        position += c.len_utf8();
        without_marks(c, |part| folder.push(part));
    }
    folder.output
}

/// The state of [`fold`]: the output, and whether a separator was seen since the last word.
struct Folder {
    output: String,
    pending_space: bool,
}

impl Folder {
    /// Starts a word part: one space first when a separator came after a previous word.
    fn before_word(&mut self) {
        if self.pending_space && !self.output.is_empty() {
            self.output.push(' ');
        }
        self.pending_space = false;
    }

    /// A run of ASCII letters and digits, lowered.
    fn push_ascii_run(&mut self, run: &str) {
        self.before_word();
        let from = self.output.len();
        self.output.push_str(run);
        self.output[from..].make_ascii_lowercase();
    }

    /// One character without its marks.
    fn push(&mut self, c: char) {
        if c.is_alphanumeric() {
            self.before_word();
            if c.is_ascii() {
                self.output.push(c.to_ascii_lowercase());
            } else {
                self.output.extend(c.to_lowercase());
            }
        } else if c == '.' {
            // `C.P.A.S.` folds to `cpas`.
        } else {
            self.pending_space = true;
        }
    }
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

    /// The reading character by character that `fold` speeds up for ASCII runs.
    fn fold_by_character(text: &str) -> String {
        let mut folder = super::Folder {
            output: String::new(),
            pending_space: false,
        };
        for c in text.chars() {
            super::without_marks(c, |part| folder.push(part));
        }
        folder.output
    }

    /// Every string of up to four pieces over letters, digits, punctuation, spaces and
    /// accented, decomposable and non-Latin characters.
    #[test]
    fn ascii_runs_fold_as_characters_do() {
        let pieces = [
            "Ab", "9", ".", " ", "-", "é", "Œ", "ß", "İ", "a\u{301}", "’", "Ж",
        ];
        for string in crate::normalize::strings_of_pieces(&pieces, 4) {
            assert_eq!(fold(&string), fold_by_character(&string), "{string:?}");
        }
    }

    #[test]
    fn folds() {
        assert_eq!(fold("C.P.A.S. de  SCHAERBEEK"), "cpas de schaerbeek");
        assert_eq!(fold("Coördinatie – l'Été"), "coordinatie l ete");
    }
}
