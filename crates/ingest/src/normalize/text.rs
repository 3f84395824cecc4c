//! Free-text cleaning: mojibake, HTML, whitespace.

use super::{html, info, mojibake, warning};
use orienta_model::{QualityCode, QualityIssue};

/// Collapses runs of spaces, trims every line, keeps at most one empty line in a row.
/// Words are copied as whole slices; only the separators between them are rewritten.
pub fn tidy_whitespace(text: &str) -> String {
    if is_tidy(text) {
        return text.to_owned();
    }
    rewrite_whitespace(text)
}

/// The rewriting behind [`tidy_whitespace`], for texts that need it.
fn rewrite_whitespace(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    // Line breaks seen since the last word (CR LF, CR and LF each count once).
    let mut pending_breaks = 0usize;
    let mut pending_space = false;
    let mut previous_cr = false;
    let mut word_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut position = 0;
    while position < bytes.len() {
        // ASCII is read byte by byte; other characters are decoded only to ask whether
        // they are spaces (no-break space, em space…).
        let byte = bytes[position];
        let (c, width) = if byte.is_ascii() {
            (char::from(byte), 1)
        } else {
            let c = text[position..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let is_cr = c == '\r';
        let is_break = c == '\n' || is_cr;
        if !is_break && !c.is_whitespace() {
            word_start.get_or_insert(position);
            previous_cr = false;
            position += width;
            continue;
        }
        if let Some(start) = word_start.take() {
            push_word(
                &mut output,
                &text[start..position],
                pending_breaks,
                pending_space,
            );
            pending_breaks = 0;
        }
        if is_break && !(c == '\n' && previous_cr) {
            pending_breaks += 1;
        }
        // A space only counts between words of one line.
        pending_space = !is_break;
        previous_cr = is_cr;
        position += width;
    }
    if let Some(start) = word_start {
        push_word(&mut output, &text[start..], pending_breaks, pending_space);
    }
    output
}

/// Texts shorter than this are checked byte by byte; longer ones by searches for what an
/// untidy text holds, each a vectorised pass (most texts are tidy and every pass runs).
const TIDY_SCAN_BYTES: usize = 96;

/// Whether [`tidy_whitespace`] would return `text` unchanged: most source texts are tidy
/// already, and this check costs a fraction of rewriting them.
fn is_tidy(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if matches!(first, b' ' | b'\n') || matches!(last, b' ' | b'\n') {
        return false;
    }
    if bytes.len() < TIDY_SCAN_BYTES {
        return is_tidy_bytewise(bytes);
    }
    // Characters a tidy text never holds, runs it would collapse, non-ASCII spaces.
    let has_control = memchr::memchr3(b'\t', b'\r', 0x0b, bytes).is_some()
        || memchr::memchr(0x0c, bytes).is_some();
    if has_control || UNTIDY_RUNS.iter().any(|run| run.find(bytes).is_some()) {
        return false;
    }
    let mut space_leads =
        memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).chain(memchr::memchr_iter(0xe1, bytes));
    !space_leads.any(|position| starts_unicode_space(&bytes[position..]))
}

/// Runs of separators a tidy text never holds: two spaces, a space beside a line break,
/// three line breaks (one blank line is kept).
static UNTIDY_RUNS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    std::sync::LazyLock::new(|| {
        [&b"  "[..], b" \n", b"\n ", b"\n\n\n"].map(memchr::memmem::Finder::new)
    });

/// [`is_tidy`] read byte by byte, for short texts (the ends are already checked).
fn is_tidy_bytewise(bytes: &[u8]) -> bool {
    // The two bytes before the current one (a space or line break before a space or line
    // break is a run to collapse, except one blank line).
    let (mut before_previous, mut previous) = (0u8, 0u8);
    for (position, &byte) in bytes.iter().enumerate() {
        let tidy_here = match byte {
            b' ' => !matches!(previous, b' ' | b'\n'),
            b'\n' => previous != b' ' && !(previous == b'\n' && before_previous == b'\n'),
            b'\t' | b'\r' | 0x0b | 0x0c => false,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => !starts_unicode_space(&bytes[position..]),
            _ => true,
        };
        if !tidy_here {
            return false;
        }
        before_previous = previous;
        previous = byte;
    }
    true
}

/// Whether `bytes` starts with the UTF-8 encoding of a non-ASCII white space character
/// (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
fn starts_unicode_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xc2, 0x85 | 0xa0, ..]
            | [0xe1, 0x9a, 0x80, ..]
            | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
            | [0xe2, 0x81, 0x9f, ..]
            | [0xe3, 0x80, 0x80, ..]
    )
}

/// Appends a word after the separator its preceding whitespace calls for: runs of blank
/// lines become one blank line, runs of spaces one space, nothing before the first word.
fn push_word(output: &mut String, word: &str, breaks: usize, space: bool) {
    if !output.is_empty() {
        if breaks > 0 {
            output.push('\n');
            if breaks > 1 {
                output.push('\n');
            }
        } else if space {
            output.push(' ');
        }
    }
    output.push_str(word);
}

/// Cleans a free text: repairs mojibake, strips HTML, tidies whitespace.
/// Returns `None` for a blank text.
pub fn clean(raw: &str, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    let mut rewritten: Option<String> = None;
    if let Some(repaired) = mojibake::repair(raw) {
        issues.push(warning(
            QualityCode::Mojibake,
            field,
            format!(
                "repaired mojibake `{}` → `{}`",
                short(raw),
                short(&repaired)
            ),
        ));
        rewritten = Some(repaired);
    }
    if let Some(stripped) = html::strip(rewritten.as_deref().unwrap_or(raw)) {
        issues.push(info(
            QualityCode::HtmlStripped,
            field,
            "removed html tags and entities, kept line breaks",
        ));
        rewritten = Some(stripped);
    }
    let text = rewritten.as_deref().unwrap_or(raw);
    // A tidy text is kept as it is: the repaired copy is moved, not copied again.
    let tidy = if is_tidy(text) {
        rewritten.unwrap_or_else(|| raw.to_owned())
    } else {
        rewrite_whitespace(text)
    };
    (!tidy.is_empty()).then_some(tidy)
}

/// Cleans a one-line value (name, street): like [`clean`], then joins lines.
pub fn clean_line(raw: &str, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    clean(raw, field, issues).map(|text| text.replace('\n', " "))
}

/// The first 60 characters of a value, for messages.
pub fn short(text: &str) -> String {
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_spaces_and_blank_lines() {
        assert_eq!(
            tidy_whitespace("  a \t b  \r\n\r\n\r\n c\rd\n"),
            "a b\n\nc\nd"
        );
        assert_eq!(tidy_whitespace("a\n \nb"), "a\n\nb");
        assert_eq!(tidy_whitespace("\n\n  "), "");
        assert_eq!(tidy_whitespace("één  twee"), "één twee");
        assert_eq!(tidy_whitespace("a\u{a0}\u{2003}b\u{85}c é"), "a b c é");
    }

    /// A tidy text longer than the byte-by-byte threshold, with the lead bytes of non-ASCII
    /// spaces in other characters (`’`, `…`, `©`, `ḁ`, `ア`).
    const PADDING: &str =
        "Accueil — écoute ’ orientation… © ḁ アイ des personnes sans abri, de jour.";

    /// Every string of up to six characters over an alphabet of words, spaces and breaks:
    /// the fast check says "tidy" exactly when rewriting changes nothing (every string up to
    /// four characters, 20,000 of each longer length).
    #[test]
    fn tidy_check_agrees_with_rewriting() {
        let alphabet = [
            "a", " ", "\n", "\r", "\t", "\u{a0}", "é", "’", "\u{2003}", "\u{3000}", "\u{85}",
        ];
        let mut strings = vec![String::new()];
        for _ in 0..6 {
            let mut longer = Vec::with_capacity(strings.len() * alphabet.len());
            for string in &strings {
                for piece in alphabet {
                    longer.push(format!("{string}{piece}"));
                }
            }
            for string in &longer {
                let rewritten = rewrite_whitespace(string);
                assert_eq!(is_tidy(string), rewritten == *string, "{string:?}");
                // The same string inside a long tidy text takes the vectorised path.
                let long = format!("{PADDING}{string}{PADDING}");
                let rewritten = rewrite_whitespace(&long);
                assert_eq!(is_tidy(&long), rewritten == long, "{long:?}");
            }
            strings = longer;
            strings.truncate(20_000);
        }
    }

    #[test]
    fn cleans_and_reports() {
        let mut issues = Vec::new();
        let text = clean(
            "  <b>SociÃ©tÃ©</b>  &amp;  co \n\n\n - un  ",
            "descriptionFr",
            &mut issues,
        );
        assert_eq!(text.as_deref(), Some("Société & co\n\n- un"));
        assert_eq!(issues.len(), 2);
        assert_eq!(clean("   ", "x", &mut issues), None);
    }
}
