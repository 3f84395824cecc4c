//! Sentences of a running text: the one rule the service-area reader and the index's
//! summary of a record share.

/// Splits at `.`, `!`, `?` followed by a space or the end (not after an abbreviation such
/// as `St.` or `bd.`); parts holding only spaces are dropped.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let ends = matches!(byte, b'.' | b'!' | b'?')
            && bytes
                .get(index + 1)
                .is_none_or(|next| next.is_ascii_whitespace())
            && !ends_with_abbreviation(&text[start..index]);
        if ends {
            parts.push(&text[start..=index]);
            start = index + 1;
        }
    }
    parts.push(&text[start..]);
    parts.retain(|part| !part.trim().is_empty());
    parts
}

/// For each token of `text` ([`crate::tokenize`]), the number of its clause: the text
/// between punctuation marks (`,` `.` `;` `:` `!` `?`). A dotted acronym (`C.P.A.S.`) or a
/// number (`1.200`) is one token but several clauses: the list is then longer than the
/// tokens, and a caller comparing lengths knows the clauses are unknown.
pub fn clause_numbers(text: &str) -> Vec<usize> {
    let mut numbers = Vec::new();
    for (clause, part) in text.split([',', '.', ';', ':', '!', '?']).enumerate() {
        numbers.extend(std::iter::repeat_n(clause, crate::tokenize(part).len()));
    }
    numbers
}

fn ends_with_abbreviation(text: &str) -> bool {
    let last = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        last.to_lowercase().as_str(),
        "st" | "ste" | "av" | "bd" | "ch" | "bte" | "nr" | "n" | "cf" | "e.a" | "o.a" | "bv"
    )
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn splits_at_full_stops_but_not_after_abbreviations() {
        assert_eq!(
            sentences("Rue St. Lambert 12. Ouvert le lundi! Et après?"),
            ["Rue St. Lambert 12.", " Ouvert le lundi!", " Et après?"]
        );
        assert_eq!(sentences("v2.0 reste entier"), ["v2.0 reste entier"]);
        assert!(sentences("  ").is_empty());
    }
}
