//! Free-text cleaning: mojibake, HTML, whitespace.

use super::{html, info, mojibake, warning};
use orienta_model::{QualityCode, QualityIssue};

/// Collapses runs of spaces, trims every line, keeps at most one empty line in a row.
pub fn tidy_whitespace(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let collapsed = line
            .split(|c: char| c.is_whitespace())
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let previous_blank = lines.last().is_some_and(|last| last.is_empty());
        if collapsed.is_empty() && (previous_blank || lines.is_empty()) {
            continue;
        }
        lines.push(collapsed);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
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
