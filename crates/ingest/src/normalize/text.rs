//! Free-text cleaning: mojibake, HTML, whitespace.

use super::{html, info, mojibake, warning};
use orienta_model::{QualityCode, QualityIssue};

/// Collapses runs of spaces, trims every line, keeps at most one empty line in a row.
/// Words are copied as whole slices; only the separators between them are rewritten.
pub fn tidy_whitespace(text: &str) -> String {
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
    let tidy = tidy_whitespace(text);
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
