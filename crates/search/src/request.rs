//! What a search asks for and what it returns.

use orienta_model::{Bassin, Lang, Organisation};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Text relevance blended with need match (and proximity when a point is given).
    #[default]
    Relevance,
    /// Nearest first (needs a point).
    Distance,
}

/// Whether synthetic sample records are included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SyntheticFilter {
    /// Real and synthetic records.
    #[default]
    Include,
    /// Real records only.
    Exclude,
    /// Synthetic records only.
    Only,
}

/// A moment of the week in Brussels local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekMoment {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes since midnight.
    pub minute: u16,
}

impl WeekMoment {
    /// Minutes since Monday 00:00.
    pub fn minute_of_week(self) -> u32 {
        u32::from(self.weekday) * 1440 + u32::from(self.minute)
    }
}

/// A point and a radius.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Near {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Radius in metres; `None` ranks by distance without cutting.
    pub radius_m: Option<f64>,
}

/// A search request. Filters of one kind are OR-ed; different kinds are AND-ed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchRequest {
    /// Free text, FR or NL.
    pub text: Option<String>,
    /// The language of the query, when known; otherwise guessed.
    pub lang: Option<Lang>,
    /// Need concepts (narrower concepts included).
    pub needs: Vec<String>,
    /// Spoken languages, ISO 639-1.
    pub languages: Vec<String>,
    /// Audience codes.
    pub audiences: Vec<String>,
    /// Commune NIS codes.
    pub communes: Vec<String>,
    /// Monitoring quartier codes.
    pub quartiers: Vec<u32>,
    /// Quartier social-santé codes.
    pub qss: Vec<String>,
    /// Bassins.
    pub bassins: Vec<Bassin>,
    /// Near a point.
    pub near: Option<Near>,
    /// Only the services serving a person who lives here, most local first (the point
    /// itself goes in `near`, which gives the distances).
    pub serves: Option<crate::serves::Residence>,
    /// Result order.
    pub sort: Sort,
    /// Open at this moment (structured hours only).
    pub open_at: Option<WeekMoment>,
    /// Synthetic records.
    pub synthetic: SyntheticFilter,
    /// Rank first-line generalist services before specialised ones.
    pub stepped_care: bool,
    /// Results to skip.
    pub offset: usize,
    /// Results to return.
    pub limit: usize,
    /// Compute facet counts.
    pub facets: bool,
    /// Compute highlights.
    pub highlight: bool,
    /// What the text must not be read as (the undo of `Understanding`): `need:<id>`,
    /// `language:<code>`, `place:<folded words>`. Those words are searched as plain words.
    pub literal: Vec<String>,
}

impl SearchRequest {
    /// A text query with the defaults (10 results, facets and highlights on).
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::browse()
        }
    }

    /// A request without text: every record, paged.
    pub fn browse() -> Self {
        Self {
            limit: 10,
            facets: true,
            highlight: true,
            ..Self::default()
        }
    }
}

/// One hit: an organisation at one of its locations.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The organisation.
    pub organisation: Arc<Organisation>,
    /// Which of its locations matched.
    pub location_index: usize,
    /// The ranking score (higher is better; for distance sort, minus the distance).
    pub score: f64,
    /// Distance from the requested point, metres.
    pub distance_m: Option<f64>,
    /// Highlighted fragments by field (`name`, `description`), `<mark>` around matches.
    pub highlights: BTreeMap<String, String>,
}

/// Facet counts by value, most frequent first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Need concepts.
    pub needs: Vec<(String, u64)>,
    /// Spoken languages.
    pub languages: Vec<(String, u64)>,
    /// Communes (NIS).
    pub communes: Vec<(String, u64)>,
    /// Bassins (slug).
    pub bassins: Vec<(String, u64)>,
    /// Monitoring quartiers (code).
    pub quartiers: Vec<(String, u64)>,
}

/// How the query was understood.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Understanding {
    /// The query language, given or guessed.
    pub lang: Option<Lang>,
    /// Whether the language was guessed.
    pub lang_guessed: bool,
    /// Need concepts recognised in the text.
    pub concepts: Vec<String>,
    /// Spoken languages named in the text (ISO 639-1): services speaking them rank first.
    pub languages: Vec<String>,
    /// Publics the text says the person belongs to (`mon fils de 16 ans`: `youth`; audience
    /// codes): services for them rank first.
    pub audiences: Vec<String>,
    /// Places named in the text (communes, postcodes, quartiers, bassins), as folded words
    /// (`schaerbeek`, `1030`, `sint gillis`): they restrict where, then rank.
    pub places: Vec<String>,
    /// True when looser matches follow those holding every word and need of the text.
    pub relaxed: bool,
    /// How many matches hold every word and need of the text (the others are the closest).
    pub all_words_total: usize,
    /// The text with its words that no record and no need knows corrected, when the
    /// answer is relaxed and one was (`logemant` → `logement`).
    pub did_you_mean: Option<String>,
}

/// The answer to a search.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Number of matching (organisation, location) pairs.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over all matches.
    pub facets: Facets,
    /// How the text was understood.
    pub understanding: Understanding,
}
