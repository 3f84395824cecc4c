//! Normalisation and validation of source values, one concept per module.
//!
//! Every function takes the raw value and the source field name, and pushes
//! [`QualityIssue`]s saying what was found and done. None of them panics on input.

pub mod address;
pub mod date;
pub mod email;
pub mod fold;
pub mod hours;
pub mod html;
pub mod kbo;
pub mod language;
pub mod mojibake;
pub mod name;
pub mod phone;
pub mod postcode;
pub mod spoken;
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
