//! E-mail addresses: trimmed, `mailto:` removed, split, checked, domain lowercased.

use super::{keep_checked, ContactCodes};
use orienta_model::{QualityCode, QualityIssue};
use std::borrow::Cow;

fn valid_local(local: &str) -> bool {
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-'!#$&*/=?^`{|}~".contains(c))
}

fn valid_domain(domain: &str) -> bool {
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let label_ok = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !label_ok {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && last.len() >= 2 && last.chars().all(char::is_alphabetic)
}

/// Whether `text` holds `needle` (ASCII, starting with a character without case) in any
/// ASCII case. No other character lowers to the brackets, letters and space of the needles
/// used here, so this says what `text.to_lowercase().contains(needle)` says, without a
/// lowered copy; only the places of the needle's first character are compared.
fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (bytes, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    debug_assert!(
        !first.is_ascii_alphabetic(),
        "the first byte is matched exactly"
    );
    memchr::memchr_iter(first, bytes).any(|start| {
        bytes
            .get(start..start + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// Checks one address; the cleaned form or the reason it is rejected.
fn check(candidate: &str) -> Result<String, &'static str> {
    let obfuscated = ["(at)", "[at]", " at "]
        .iter()
        .any(|at| contains_ignore_ascii_case(candidate, at));
    if obfuscated {
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
    let mut address = String::with_capacity(local.len() + 1 + domain.len());
    address.push_str(local);
    address.push('@');
    address.push_str(&domain);
    Ok(address)
}

/// Normalises one raw e-mail value and appends the valid addresses to `emails`.
pub fn normalise(raw: &str, field: &str, emails: &mut Vec<String>, issues: &mut Vec<QualityIssue>) {
    let trimmed = raw.trim();
    let without_scheme = if trimmed.contains("mailto:") || trimmed.contains("MAILTO:") {
        Cow::Owned(trimmed.replace("mailto:", "").replace("MAILTO:", ""))
    } else {
        Cow::Borrowed(trimmed)
    };
    let codes = ContactCodes {
        cleaned: QualityCode::EmailCleaned,
        invalid: QualityCode::InvalidEmail,
    };
    let mut keep = |candidate: &str| {
        keep_checked(
            check(candidate),
            candidate,
            raw,
            &codes,
            field,
            emails,
            issues,
        );
    };
    let parts = without_scheme
        .split([';', ',', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty());
    for part in parts {
        // `info (at) x.be` must stay whole to be recognised; other spaces separate addresses.
        if contains_ignore_ascii_case(part, "(at)") {
            keep(part);
        } else {
            part.split_whitespace().for_each(&mut keep);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character other than the ASCII ones lowers to a bracket, `a`, `t` or a space: the
    /// ASCII-only comparison finds every obfuscated `@` the lowered text would show.
    #[test]
    fn only_ascii_lowers_to_the_obfuscation_characters() {
        let outside_ascii = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|lowered| "()[]at ".contains(lowered)));
        assert_eq!(outside_ascii.count(), 0);
        for (text, found) in [
            ("info (AT) x.be", true),
            ("info[At]x.be", true),
            ("info AT x.be", true),
            ("infoat x.be", false),
            ("é(àt)", false),
        ] {
            assert_eq!(
                contains_ignore_ascii_case(text, "(at)")
                    || contains_ignore_ascii_case(text, "[at]")
                    || contains_ignore_ascii_case(text, " at "),
                found,
                "{text}"
            );
        }
    }

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
