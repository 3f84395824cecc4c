//! Relevance evaluation: nDCG@k and recall@k over two kinds of judged sets.
//!
//! - The category set (`tests/relevance/judged_queries.toml`) grades the bundled data by
//!   source category labels. The bundled data and the thesaurus come from the same label
//!   tables, so it measures whether the thesaurus covers them, not how the engine
//!   generalises.
//! - The blind set ([`blind`]) was written by an author who never saw the thesaurus, the
//!   sample generator or the engine: its own records, and grades read from their text.
//!
//! Engine-agnostic, so the peer benchmark can score another engine's ranking the same way.

pub mod blind;

use orienta_model::{Bassin, Lang, Organisation};
use serde::Deserialize;

use crate::geo_filter::haversine_m;
use crate::request::{Near, SearchRequest, Sort};

/// One judged query (see `tests/relevance/judged_queries.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct JudgedQuery {
    /// Stable id.
    pub id: String,
    /// Kind: fr, nl, everyday, acronym, typo, territory, distance, language.
    pub kind: String,
    /// The text typed.
    pub q: String,
    /// Source category labels (FR) of fully relevant records (grade 2).
    pub relevant: Vec<String>,
    /// Source category labels of partly relevant records (grade 1).
    #[serde(default)]
    pub partial: Vec<String>,
    /// Bassin filter.
    #[serde(default)]
    pub bassin: Vec<String>,
    /// Commune filter (NIS).
    #[serde(default)]
    pub commune: Vec<String>,
    /// Spoken-language filter.
    #[serde(default)]
    pub language: Vec<String>,
    /// Point `[lat, lon]`.
    #[serde(default)]
    pub near: Option<[f64; 2]>,
    /// Radius around the point, metres.
    #[serde(default)]
    pub radius: Option<f64>,
    /// `distance` to sort by distance.
    #[serde(default)]
    pub sort: Option<String>,
}

/// The judged query file.
#[derive(Debug, Clone, Deserialize)]
pub struct JudgedSet {
    /// The queries.
    pub query: Vec<JudgedQuery>,
}

impl JudgedQuery {
    /// The search request this query stands for (top 10).
    pub fn request(&self) -> SearchRequest {
        let mut request = SearchRequest::text(self.q.clone());
        request.limit = 10;
        request.highlight = false;
        request.facets = false;
        request.bassins = self
            .bassin
            .iter()
            .filter_map(|slug| Bassin::parse(slug))
            .collect();
        request.communes = self.commune.clone();
        request.languages = self.language.clone();
        request.near = self.near.map(|[lat, lon]| Near {
            lat,
            lon,
            radius_m: self.radius,
        });
        if self.sort.as_deref() == Some("distance") {
            request.sort = Sort::Distance;
        }
        request
    }

    /// The grade of an organisation at one of its locations: 0 when a filter excludes it,
    /// else 2 for a relevant category, 1 for a partial one, 0 otherwise.
    pub fn grade(&self, organisation: &Organisation, location_index: usize) -> u8 {
        if !self.admits(organisation, location_index) {
            return 0;
        }
        let labels: Vec<&str> = organisation
            .categories
            .iter()
            .filter_map(|category| category.label.get(Lang::Fr))
            .collect();
        let has = |wanted: &[String]| labels.iter().any(|label| wanted.iter().any(|w| w == label));
        if has(&self.relevant) {
            2
        } else if has(&self.partial) {
            1
        } else {
            0
        }
    }

    fn admits(&self, organisation: &Organisation, location_index: usize) -> bool {
        let location = organisation.locations.get(location_index);
        let territory = location.and_then(|location| location.territory.as_ref());
        if !self.bassin.is_empty() {
            let slug = territory
                .and_then(|t| t.bassin.as_ref())
                .map(|b| b.slug.slug());
            if !slug.is_some_and(|slug| self.bassin.iter().any(|wanted| wanted == slug)) {
                return false;
            }
        }
        if !self.commune.is_empty() {
            let nis = territory
                .and_then(|t| t.commune.as_ref())
                .map(|c| c.nis.as_str());
            if !nis.is_some_and(|nis| self.commune.iter().any(|wanted| wanted == nis)) {
                return false;
            }
        }
        if !self.language.is_empty()
            && !self
                .language
                .iter()
                .any(|wanted| organisation.languages.contains(wanted))
        {
            return false;
        }
        if let (Some([lat, lon]), Some(radius)) = (self.near, self.radius) {
            let Some(geo) = location.and_then(|location| location.geo) else {
                return false;
            };
            let in_region = territory.is_some_and(|t| t.in_region);
            if !in_region || haversine_m(lat, lon, geo.lat, geo.lon) > radius {
                return false;
            }
        }
        true
    }
}

fn dcg(grades: &[u8], k: usize) -> f64 {
    grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(rank, grade)| (2f64.powi(i32::from(*grade)) - 1.0) / ((rank + 2) as f64).log2())
        .sum()
}

/// nDCG@k of a ranked list of grades against every grade available in the collection.
/// A query with nothing relevant in the collection scores 1 when the list is empty of
/// relevant hits too.
pub fn ndcg_at(ranked: &[u8], collection: &[u8], k: usize) -> f64 {
    let mut ideal = collection.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let ideal_dcg = dcg(&ideal, k);
    if ideal_dcg == 0.0 {
        return 1.0;
    }
    dcg(ranked, k) / ideal_dcg
}

/// Recall@k of grade-2 records: found in the top k over min(k, all grade-2 records).
pub fn recall_at(ranked: &[u8], collection: &[u8], k: usize) -> f64 {
    let available = collection
        .iter()
        .filter(|grade| **grade == 2)
        .count()
        .min(k);
    if available == 0 {
        return 1.0;
    }
    let found = ranked.iter().take(k).filter(|grade| **grade == 2).count();
    found as f64 / available as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_empty_rankings() {
        assert_eq!(ndcg_at(&[2, 2, 1], &[2, 2, 1, 0, 0], 10), 1.0);
        assert_eq!(ndcg_at(&[0, 0], &[2], 10), 0.0);
        assert!(ndcg_at(&[1, 2], &[2, 1], 10) < 1.0);
        assert_eq!(recall_at(&[2, 0, 2], &[2, 2, 2, 2], 3), 2.0 / 3.0);
    }
}
