//! Normalisation and validation of source values, one concept per module.
//!
//! Every function takes the raw value and the source field name, and pushes
//! [`QualityIssue`]s saying what was found and done. None of them panics on input.

pub mod address;
pub mod date;
pub mod email;
pub mod hours;
pub mod html;
pub mod kbo;
pub mod language;
pub mod mojibake;
pub mod name;
pub mod phone;
pub mod postcode;
pub mod text;
pub mod web;

use orienta_model::{QualityCode, QualityIssue, Severity};

/// Shorthand for an info issue.
pub(crate) fn info(code: QualityCode, field: &str, message: impl Into<String>) -> QualityIssue {
    QualityIssue::new(code, Severity::Info, field, message)
}

/// Shorthand for a warning issue.
pub(crate) fn warning(code: QualityCode, field: &str, message: impl Into<String>) -> QualityIssue {
    QualityIssue::new(code, Severity::Warning, field, message)
}

/// What a contact normaliser reports for each candidate value.
pub(crate) struct ContactCodes {
    /// Code when a value was kept but changed.
    pub cleaned: QualityCode,
    /// Code when a value was dropped.
    pub invalid: QualityCode,
}

/// Keeps a checked contact value once (reporting when it differs from `original`) or
/// reports why `candidate` was dropped.
pub(crate) fn keep_checked(
    checked: Result<String, &str>,
    candidate: &str,
    original: &str,
    codes: &ContactCodes,
    field: &str,
    kept: &mut Vec<String>,
    issues: &mut Vec<QualityIssue>,
) {
    match checked {
        Ok(value) => {
            if value != original {
                issues.push(info(
                    codes.cleaned,
                    field,
                    format!("cleaned `{}` to `{value}`", original.trim()),
                ));
            }
            if !kept.contains(&value) {
                kept.push(value);
            }
        }
        Err(reason) => issues.push(warning(
            codes.invalid,
            field,
            format!("dropped `{candidate}`: {reason}"),
        )),
    }
}

/// Every string of one to `most` pieces, shortest first: the inputs on which a fast path
/// is compared with the reading it replaces.
#[cfg(test)]
pub(crate) fn strings_of_pieces(pieces: &[&str], most: usize) -> Vec<String> {
    let mut all = Vec::new();
    let mut strings = vec![String::new()];
    for _ in 0..most {
        strings = strings
            .iter()
            .flat_map(|string| pieces.iter().map(move |piece| format!("{string}{piece}")))
            .collect();
        all.extend(strings.iter().cloned());
    }
    all
}
