//! E-mail addresses: trimmed, `mailto:` removed, split, checked, domain lowercased.

use super::{keep_checked, ContactCodes};
use orienta_model::{QualityCode, QualityIssue};

fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'!#$&*/=?^`{|}~".contains(c))
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.len() >= 2
        && tld_ok
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Checks one address; the cleaned form or the reason it is rejected.
fn check(candidate: &str) -> Result<String, &'static str> {
    let lowered = candidate.to_lowercase();
    if lowered.contains("(at)") || lowered.contains("[at]") || lowered.contains(" at ") {
        return Err("obfuscated `(at)` instead of `@`");
    }
    let Some((local, domain)) = candidate.rsplit_once('@') else {
        return Err("no `@`");
    };
    if !valid_local(local) {
        return Err("invalid local part");
    }
    let domain = domain.trim_end_matches('.').to_lowercase();
    if !domain.contains('.') {
        return Err("no top-level domain");
    }
    if !valid_domain(&domain) {
        return Err("invalid domain");
    }
    Ok(format!("{local}@{domain}"))
}

/// Normalises one raw e-mail value and appends the valid addresses to `emails`.
pub fn normalise(raw: &str, field: &str, emails: &mut Vec<String>, issues: &mut Vec<QualityIssue>) {
    let without_scheme = raw.trim().replace("mailto:", "").replace("MAILTO:", "");
    let parts: Vec<&str> = without_scheme
        .split([';', ',', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    // `info (at) x.be` must stay whole to be recognised; other spaces separate addresses.
    let candidates: Vec<&str> = parts
        .iter()
        .flat_map(|part| {
            if part.to_lowercase().contains("(at)") {
                vec![*part]
            } else {
                part.split_whitespace().collect()
            }
        })
        .collect();
    let codes = ContactCodes {
        cleaned: QualityCode::EmailCleaned,
        invalid: QualityCode::InvalidEmail,
    };
    for candidate in candidates {
        keep_checked(
            check(candidate),
            candidate,
            raw,
            &codes,
            field,
            emails,
            issues,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_variants() {
        let mut emails = Vec::new();
        let mut issues = Vec::new();
        for raw in [
            "info(at)example.org",
            " info@example.org ",
            "mailto:info@example.org",
            "a@example.org; b@example.org",
            "info@example",
            "Info@EXAMPLE.org",
        ] {
            normalise(raw, "emailFr", &mut emails, &mut issues);
        }
        assert_eq!(
            emails,
            [
                "info@example.org",
                "a@example.org",
                "b@example.org",
                "Info@example.org"
            ]
        );
        let invalid: Vec<_> = issues
            .iter()
            .filter(|i| i.code == QualityCode::InvalidEmail)
            .collect();
        assert_eq!(invalid.len(), 2);
    }
}
