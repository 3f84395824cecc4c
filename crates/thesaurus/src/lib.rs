//! The bilingual FR/NL needs thesaurus of Orienta.
//!
//! Need concepts (`food-aid`, `social-restaurant`, `cpas`…) with FR/NL/EN labels,
//! everyday words, acronyms, broader links and the social.brussels categories they
//! map from, loaded from the versioned `data/thesaurus.toml` (bundled in the binary).
//!
//! - Ingestion tags records with [`Thesaurus::concepts_for_category`] and
//!   [`Thesaurus::needs_for_text`], and derives a [`CareLine`](orienta_model::CareLine)
//!   with [`Thesaurus::care_line`].
//! - Search expands queries with [`Thesaurus::match_text`] (typo-tolerant) and
//!   [`Thesaurus::terms`], filters with [`Thesaurus::with_narrower`], autocompletes with
//!   [`Thesaurus::suggest`] and guesses the query language with [`Thesaurus::guess_lang`].
//!
//! Texts and terms meet through one normalisation: `orienta_text`'s tokens and match keys.
#![deny(missing_docs)]

mod actor;
mod asker;
mod category;
mod context;
mod error;
mod file;
mod forms;
mod found;
mod gapped;
mod glossary;
mod guess;
mod heads;
mod hierarchy;
mod index;
mod matcher;
mod particle;
mod situations;
mod suggest;
mod thesaurus;
mod typos;
mod validate;

pub use asker::asker_positions;
pub use error::ThesaurusError;
pub use suggest::Suggestion;
pub use thesaurus::{ConceptTerms, Thesaurus};

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
    /// Needs whose services also answer a question about this one, though this need's
    /// services are not theirs (`energy-bills` → `debt`): a question expands to them as to a
    /// broader concept; a record is not tagged with them.
    #[serde(default)]
    pub related: Vec<String>,
    /// Stepped-care line of services offering this need.
    pub line: CareLine,
    /// A language named in the concept's forms is what its services teach (`apprendre le
    /// néerlandais`, `Frans leren`), not a language the caller speaks.
    #[serde(default)]
    pub teaches_language: bool,
}

/// A concept found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptMatch {
    /// The concept id.
    pub concept: String,
    /// The thesaurus term that matched, folded.
    pub term: String,
    /// The language of the term, when it belongs to one (`None` for acronyms and for
    /// terms identical in French and Dutch).
    pub lang: Option<Lang>,
    /// First matched token, index in the text's tokens (`orienta_text::tokenize`).
    pub start_token: usize,
    /// One past the last matched token.
    pub end_token: usize,
    /// Edits needed to match (0 exact, 1–2 with typos).
    pub edits: u8,
    /// Read from a situation word (`je vois plus personne`): it tells the caller's
    /// situation, not what a service's text says.
    pub situation: bool,
}
