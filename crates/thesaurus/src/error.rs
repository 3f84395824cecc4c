//! Errors loading a thesaurus.

/// Errors loading a thesaurus.
#[derive(Debug, thiserror::Error)]
pub enum ThesaurusError {
    /// The file could not be read.
    #[error("cannot read thesaurus {path}: {source}")]
    Io {
        /// Path.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The file is not valid: TOML syntax, unknown field, or the validation problems
    /// found, all of them, separated by `; `.
    #[error("invalid thesaurus: {0}")]
    Invalid(String),
}
