//! The blind judged set (`tests/relevance/{dev,heldout}/`): records in the social.brussels
//! shape and queries graded record by record, by reading, by an author who never saw the
//! thesaurus, the sample generator or the engine.

use crate::request::{Near, SearchRequest};
use orienta_model::{Organisation, SourceSystem};
use serde::Deserialize;
use std::collections::HashMap;

/// One blind query.
#[derive(Debug, Clone, Deserialize)]
pub struct BlindQuery {
    /// Stable id (`dev-001`, `heldout-001`…).
    pub id: String,
    /// fr, nl, cross, typo, everyday, compound, acronym, territory, distance, language.
    pub kind: String,
    /// The language of the interface the user had open (the answer's language).
    pub lang: String,
    /// What was typed.
    pub q: String,
    /// The point the user chose, `[lat, lon]`.
    #[serde(default)]
    pub near: Option<[f64; 2]>,
    /// The radius the user chose, kilometres.
    #[serde(default)]
    pub radius_km: Option<f64>,
    /// social.brussels ids of records that clearly answer (grade 2).
    pub relevant: Vec<u64>,
    /// Ids of records that could help (grade 1).
    #[serde(default)]
    pub partial: Vec<u64>,
    /// Two other ways to ask the same thing (development half only).
    #[serde(default)]
    pub paraphrases: Vec<String>,
}

/// A blind query file.
#[derive(Debug, Clone, Deserialize)]
pub struct BlindSet {
    /// The queries.
    pub query: Vec<BlindQuery>,
}

impl BlindQuery {
    /// The request the page would send for `text` with this query's point (the query
    /// language is guessed, as the API does).
    pub fn request(&self, text: &str) -> SearchRequest {
        let mut request = SearchRequest::text(text.to_owned());
        request.limit = 10;
        request.highlight = false;
        request.facets = false;
        request.near = self.near.map(|[lat, lon]| Near {
            lat,
            lon,
            radius_m: self.radius_km.map(|km| km * 1000.0),
        });
        request
    }

    /// Grades by record id: 2 relevant, 1 partial.
    pub fn grades(&self) -> HashMap<u64, u8> {
        let partial = self.partial.iter().map(|id| (*id, 1));
        let relevant = self.relevant.iter().map(|id| (*id, 2));
        partial.chain(relevant).collect()
    }
}

/// The social.brussels id an organisation was read from (the first, after merging).
pub fn source_id(organisation: &Organisation) -> Option<u64> {
    organisation
        .sources
        .iter()
        .find(|source| source.system == SourceSystem::SocialBrussels)
        .and_then(|source| source.id.parse().ok())
}
