//! Free-text cleaning: mojibake, HTML, whitespace.

use super::{html, info, mojibake, warning};
use orienta_model::{QualityCode, QualityIssue};

/// Collapses runs of spaces, trims every line, keeps at most one empty line in a row.
pub fn tidy_whitespace(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    // Line breaks seen since the last word (CR LF, CR and LF each count once).
    let mut pending_breaks = 0usize;
    let mut pending_space = false;
    let mut previous_cr = false;
    for c in text.chars() {
        let is_cr = c == '\r';
        if c == '\n' || is_cr {
            if !(c == '\n' && previous_cr) {
                pending_breaks += 1;
            }
            pending_space = false;
        } else if c.is_whitespace() {
            pending_space = true;
        } else {
            if !output.is_empty() {
                if pending_breaks > 0 {
                    // Runs of blank lines become one blank line.
                    output.push('\n');
                    if pending_breaks > 1 {
                        output.push('\n');
                    }
                } else if pending_space {
                    output.push(' ');
                }
            }
            pending_breaks = 0;
            pending_space = false;
            output.push(c);
        }
        previous_cr = is_cr;
    }
    output
}

/// Cleans a free text: repairs mojibake, strips HTML, tidies whitespace.
/// Returns `None` for a blank text.
pub fn clean(raw: &str, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    let mut text = raw.to_owned();
    if let Some(repaired) = mojibake::repair(&text) {
        issues.push(warning(
            QualityCode::Mojibake,
            field,
            format!(
                "repaired mojibake `{}` → `{}`",
                short(&text),
                short(&repaired)
            ),
        ));
        text = repaired;
    }
    if let Some(stripped) = html::strip(&text) {
        issues.push(info(
            QualityCode::HtmlStripped,
            field,
            "removed html tags and entities, kept line breaks",
        ));
        text = stripped;
    }
    let tidy = tidy_whitespace(&text);
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
