//! Search by responsibility: which services serve a person who lives at a point. A service
//! serves the point when its area holds the point's quartier, commune or bassin or the whole
//! Region, and does not leave the commune out; a service whose area is unknown is kept (and
//! said so). Results are ordered by territorial subsidiarity: the quartier's services, then
//! the commune's, the bassin's, the Region's, then those of unknown area.

use orienta_model::{Bassin, ServiceArea};
use serde::Serialize;
use tantivy::columnar::StrColumn;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, SegmentReader, Term};

/// The index field holding the area terms (`region`, `commune:21015`, `except:21009`…).
pub const FIELD: &str = "serves";

/// Where the person lives, as territory codes (from tagging the point).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Residence {
    /// Commune NIS code.
    pub commune: Option<String>,
    /// Monitoring quartier code.
    pub quartier: Option<u32>,
    /// Bassin.
    pub bassin: Option<Bassin>,
}

/// Why a service serves a residence, most local first (the order of the results).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Its area lists the quartier.
    Quartier,
    /// Its area lists the commune.
    Commune,
    /// Its area lists the bassin.
    Bassin,
    /// It serves the whole Region.
    Region,
    /// Its area is not known.
    Unknown,
}

impl Level {
    const ALL: [Level; 5] = [
        Level::Quartier,
        Level::Commune,
        Level::Bassin,
        Level::Region,
        Level::Unknown,
    ];
}

/// The terms of an area in the index.
pub fn terms(area: &ServiceArea) -> Vec<String> {
    let mut terms = Vec::new();
    if area.is_unknown() {
        terms.push(UNKNOWN.to_owned());
    }
    if area.region {
        terms.push(REGION.to_owned());
    }
    terms.extend(area.communes.iter().map(|nis| format!("commune:{nis}")));
    terms.extend(
        area.bassins
            .iter()
            .map(|bassin| format!("bassin:{}", bassin.slug())),
    );
    terms.extend(area.quartiers.iter().map(|code| format!("quartier:{code}")));
    terms.extend(
        area.except_communes
            .iter()
            .map(|nis| format!("except:{nis}")),
    );
    terms
}

const UNKNOWN: &str = "unknown";
const REGION: &str = "region";

/// The term a residence matches at each level (none for a level it has no code for).
fn level_terms(residence: &Residence) -> [(Level, Option<String>); 5] {
    [
        (
            Level::Quartier,
            residence.quartier.map(|code| format!("quartier:{code}")),
        ),
        (
            Level::Commune,
            residence
                .commune
                .as_ref()
                .map(|nis| format!("commune:{nis}")),
        ),
        (
            Level::Bassin,
            residence
                .bassin
                .map(|bassin| format!("bassin:{}", bassin.slug())),
        ),
        (Level::Region, Some(REGION.to_owned())),
        (Level::Unknown, Some(UNKNOWN.to_owned())),
    ]
}

/// The level at which a service's area serves a residence; `None` when it does not.
pub fn level(area: &ServiceArea, residence: &Residence) -> Option<Level> {
    let wanted = terms(area);
    let excluded = residence
        .commune
        .as_ref()
        .is_some_and(|nis| area.except_communes.contains(nis));
    if excluded {
        return None;
    }
    level_terms(residence)
        .into_iter()
        .find(|(_, term)| term.as_ref().is_some_and(|term| wanted.contains(term)))
        .map(|(level, _)| level)
}

/// The services serving a residence: any of its level terms, not its commune left out.
pub fn filter(field: Field, residence: &Residence) -> Box<dyn Query> {
    let term_query = |text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::Basic,
        ))
    };
    let any: Vec<(Occur, Box<dyn Query>)> = level_terms(residence)
        .into_iter()
        .filter_map(|(_, term)| term)
        .map(|term| (Occur::Should, term_query(&term)))
        .collect();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(BooleanQuery::new(any)))];
    if let Some(nis) = &residence.commune {
        clauses.push((Occur::MustNot, term_query(&format!("except:{nis}"))));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The level of each document of a segment for one residence, read from the `serves` fast
/// column: the term ordinals of the residence's levels, looked up once per segment.
pub struct SegmentLevels {
    column: Option<StrColumn>,
    ordinals: Vec<(Level, u64)>,
}

impl SegmentLevels {
    /// Prepares a segment.
    pub fn new(segment: &SegmentReader, residence: &Residence) -> Self {
        let column = segment.fast_fields().str(FIELD).ok().flatten();
        let ordinals = column
            .as_ref()
            .map(|column| {
                level_terms(residence)
                    .into_iter()
                    .filter_map(|(level, term)| {
                        let ordinal = column.dictionary().term_ord(term?.as_bytes()).ok()??;
                        Some((level, ordinal))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self { column, ordinals }
    }

    /// The most local level at which the document serves the residence.
    pub fn level(&self, doc: DocId) -> Level {
        let Some(column) = &self.column else {
            return Level::Unknown;
        };
        column
            .term_ords(doc)
            .filter_map(|ordinal| {
                self.ordinals
                    .iter()
                    .find(|(_, known)| *known == ordinal)
                    .map(|(level, _)| *level)
            })
            .min()
            .unwrap_or(Level::Unknown)
    }

    /// A rank to add to a score so that more local levels come first.
    pub fn rank(level: Level) -> f64 {
        let position = Level::ALL
            .iter()
            .position(|known| *known == level)
            .unwrap_or(4);
        (Level::ALL.len() - position) as f64 * LEVEL_STEP
    }
}

/// The score step between two levels: above any distance in metres or text score.
const LEVEL_STEP: f64 = 1.0e6;

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_model::AreaStatus;

    fn residence() -> Residence {
        Residence {
            commune: Some("21015".into()),
            quartier: Some(15),
            bassin: Some(Bassin::NordEst),
        }
    }

    #[test]
    fn the_most_local_level_wins_and_an_excluded_commune_is_not_served() {
        let area = ServiceArea {
            region: true,
            communes: vec!["21015".into()],
            status: AreaStatus::Extracted,
            ..ServiceArea::default()
        };
        assert_eq!(level(&area, &residence()), Some(Level::Commune));
        let region_but_not_here = ServiceArea {
            region: true,
            except_communes: vec!["21015".into()],
            status: AreaStatus::Extracted,
            ..ServiceArea::default()
        };
        assert_eq!(level(&region_but_not_here, &residence()), None);
        let elsewhere = ServiceArea {
            communes: vec!["21009".into()],
            status: AreaStatus::Inferred,
            ..ServiceArea::default()
        };
        assert_eq!(level(&elsewhere, &residence()), None);
        assert_eq!(
            level(&ServiceArea::default(), &residence()),
            Some(Level::Unknown)
        );
        assert!(SegmentLevels::rank(Level::Quartier) > SegmentLevels::rank(Level::Unknown));
    }
}
