//! The bilingual needs thesaurus (API skeleton; being filled in).
#![deny(missing_docs)]

use orienta_model::{CareLine, I18nText, Lang};
use serde::{Deserialize, Serialize};

/// A need concept: what professionals search by.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Concept {
    /// Stable kebab-case id, e.g. `food-aid`.
    pub id: String,
    /// Preferred labels FR/NL/EN.
    pub label: I18nText,
    /// Broader concepts (parents).
    #[serde(default)]
    pub broader: Vec<String>,
    /// Stepped-care line of services offering this need.
    pub line: CareLine,
}

/// A concept found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptMatch {
    /// The concept id.
    pub concept: String,
    /// The thesaurus term that matched, folded.
    pub term: String,
    /// The language of the term, when it belongs to one.
    pub lang: Option<Lang>,
    /// First matched token, index in the folded token list.
    pub start_token: usize,
    /// One past the last matched token.
    pub end_token: usize,
    /// Edits needed to match (0 exact, 1–2 with typos).
    pub edits: u8,
}

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
    /// The file is not valid.
    #[error("invalid thesaurus: {0}")]
    Invalid(String),
}

/// The loaded thesaurus.
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
}

impl Thesaurus {
    /// The thesaurus bundled in the binary (`data/thesaurus.toml`).
    pub fn bundled() -> Self {
        Self::default()
    }

    /// Loads a thesaurus file.
    pub fn load(_path: &std::path::Path) -> Result<Self, ThesaurusError> {
        Ok(Self::default())
    }

    /// All concepts.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// One concept by id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|concept| concept.id == id)
    }

    /// The concept and all its narrower concepts, transitively.
    pub fn with_narrower(&self, id: &str) -> Vec<String> {
        vec![id.to_owned()]
    }

    /// Concepts for a social.brussels category: by id when known, else by FR/NL label.
    pub fn concepts_for_category(
        &self,
        _id: Option<i64>,
        _label_fr: Option<&str>,
        _label_nl: Option<&str>,
    ) -> Vec<String> {
        Vec::new()
    }

    /// Concepts named in a free text (longest match, optional typo tolerance).
    pub fn match_text(&self, _text: &str, _max_edits: u8) -> Vec<ConceptMatch> {
        Vec::new()
    }
}
