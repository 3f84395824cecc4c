//! A record read from a source, before tagging, needs and deduplication.

use chrono::{DateTime, NaiveDate, Utc};
use orienta_model::{I18nText, Organisation, Provenance, QualityIssue, Schedule, SourceSystem};
use orienta_thesaurus::Thesaurus;
use xxhash_rust::xxh3::xxh3_128;

/// What is known of a location's position, for the territory tagger.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Position {
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub lambert_x: Option<f64>,
    pub lambert_y: Option<f64>,
    /// City or commune as the source wrote it.
    pub city: Option<String>,
    /// Country as the source gave it.
    pub country: Option<String>,
}

/// An accepted record, ready for tagging.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The organisation; locations carry no geo or territory yet.
    pub organisation: Organisation,
    /// One position per location, same order.
    pub positions: Vec<Position>,
    /// The fixture case, when the record came wrapped in one.
    pub case: Option<String>,
    /// Need concepts the source gave explicitly (already validated).
    pub given_needs: Vec<String>,
}

/// A rejected record.
#[derive(Debug, Clone)]
pub(crate) struct Rejection {
    pub record_id: Option<String>,
    pub case: Option<String>,
    pub issue: QualityIssue,
}

/// The outcome of reading one record.
#[derive(Debug, Clone)]
pub(crate) enum Parsed {
    Accepted(Box<Draft>),
    Rejected(Rejection),
}

/// What importers need to know about the source being read.
pub(crate) struct SourceContext<'a> {
    pub origin: &'a str,
    pub fetched_at: DateTime<Utc>,
    pub today: NaiveDate,
    pub thesaurus: &'a Thesaurus,
}

impl SourceContext<'_> {
    /// The provenance of one record of this source.
    pub fn provenance(
        &self,
        system: SourceSystem,
        id: &str,
        url: Option<String>,
        raw: &str,
    ) -> Provenance {
        Provenance {
            system,
            id: id.to_owned(),
            url,
            origin: self.origin.to_owned(),
            fetched_at: self.fetched_at,
            updated_at: None,
            raw_hash: raw_hash(raw),
        }
    }
}

/// Hash of a raw source record, to detect changes between imports.
pub(crate) fn raw_hash(raw: &str) -> String {
    format!("xxh3:{:032x}", xxh3_128(raw.as_bytes()))
}

/// An empty organisation for one source record.
pub(crate) fn empty_organisation(source: Provenance, synthetic: bool) -> Organisation {
    Organisation {
        id: orienta_model::record_uuid(source.system.as_str(), &source.id),
        name: I18nText::default(),
        official_name: I18nText::default(),
        alt_names: Vec::new(),
        former_names: Vec::new(),
        description: I18nText::default(),
        audience: I18nText::default(),
        access: I18nText::default(),
        remark: I18nText::default(),
        legal_status: None,
        lang_status: None,
        languages: Vec::new(),
        interpretation: false,
        categories: Vec::new(),
        needs: Vec::new(),
        care_line: None,
        serves: Default::default(),
        phones: Vec::new(),
        emails: Vec::new(),
        websites: Vec::new(),
        schedule: Schedule::default(),
        external_ids: Vec::new(),
        locations: Vec::new(),
        sources: vec![source],
        quality: Vec::new(),
        synthetic,
    }
}
