//! The catalogue of the serving index version: its organisation ids, when each last
//! changed, the change feed, and for each segment the organisation of each `org_id` term
//! ordinal — read once per version, so that listing 100k records needs no string lookups.

use crate::error::ApiError;
use chrono::{DateTime, Utc};
use orienta_search::changes::{self, ChangeEvent, ChangeKind};
use orienta_search::SearchIndex;
use std::collections::HashMap;
use std::path::Path;

/// Marks a term ordinal whose organisation the digest does not know.
pub const UNKNOWN: u32 = u32::MAX;

/// Ids, modification times and change events of one version.
#[derive(Debug)]
pub struct Catalogue {
    /// The version it describes.
    pub version: String,
    /// Organisation ids, sorted; an organisation's position is its number below.
    pub ids: Vec<String>,
    /// Last creation or update of each organisation (by number).
    pub modified: Vec<DateTime<Utc>>,
    /// The change feed up to this version.
    pub events: Vec<ChangeEvent>,
    /// HSDS service and organization UUIDs → organisation number.
    pub hsds_ids: HashMap<String, u32>,
    /// Per segment: `org_id` term ordinal → organisation number ([`UNKNOWN`] if none).
    pub segment_orgs: Vec<Vec<u32>>,
    /// The organisations each partner key may read in this version, by partner name
    /// (filled on first use by `hsds::scope::Allowed::of`): per organisation number, whether
    /// the partner may read it.
    pub partner_scopes: std::sync::Mutex<HashMap<String, std::sync::Arc<Vec<bool>>>>,
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|time| time.with_timezone(&Utc))
}

impl Catalogue {
    /// Reads the version's digest, the root's change feed and the segments' id columns.
    pub fn build(index: &SearchIndex, root: &Path, version: &str) -> Result<Self, ApiError> {
        let ids: Vec<String> = changes::read_digest(index.directory())
            .into_keys()
            .collect();
        let built_at = orienta_search::versions::read_manifest(index.directory())
            .and_then(|manifest| parse_time(&manifest.created_at))
            .unwrap_or_else(Utc::now);
        let events: Vec<ChangeEvent> = changes::read_feed(root)
            .into_iter()
            .take_while(|event| event.version.as_str() <= version)
            .collect();
        let number = |id: &str| ids.binary_search_by(|probe| probe.as_str().cmp(id)).ok();
        let mut modified = vec![built_at; ids.len()];
        for event in events
            .iter()
            .filter(|event| event.change != ChangeKind::Deleted)
        {
            if let (Some(position), Some(at)) = (number(&event.id), parse_time(&event.at)) {
                modified[position] = at;
            }
        }
        let mut hsds_ids = HashMap::with_capacity(ids.len() * 2);
        for (position, id) in ids.iter().enumerate() {
            let position = position as u32;
            hsds_ids.insert(crate::hsds_ids::service_id(id), position);
            hsds_ids.insert(crate::hsds_ids::as_uuid("organization", id), position);
        }
        let mut segment_orgs = Vec::new();
        for segment in index.searcher().segment_readers() {
            let Some(column) = segment
                .fast_fields()
                .str("org_id")
                .map_err(ApiError::index)?
            else {
                segment_orgs.push(Vec::new());
                continue;
            };
            let dictionary = column.dictionary();
            let ords: Vec<u64> = (0..dictionary.num_terms() as u64).collect();
            let mut orgs = Vec::with_capacity(ords.len());
            dictionary
                .sorted_ords_to_term_cb(&ords, |bytes| {
                    let id = std::str::from_utf8(bytes).unwrap_or_default();
                    orgs.push(number(id).map_or(UNKNOWN, |position| position as u32));
                })
                .map_err(ApiError::index)?;
            segment_orgs.push(orgs);
        }
        Ok(Self {
            version: version.to_owned(),
            ids,
            modified,
            events,
            hsds_ids,
            segment_orgs,
            partner_scopes: Default::default(),
        })
    }

    /// The number of an organisation id.
    pub fn number(&self, id: &str) -> Option<u32> {
        self.ids
            .binary_search_by(|probe| probe.as_str().cmp(id))
            .ok()
            .map(|position| position as u32)
    }

    /// When an organisation (by number) last changed.
    pub fn modified_at(&self, number: u32) -> DateTime<Utc> {
        self.modified
            .get(number as usize)
            .copied()
            .unwrap_or_else(Utc::now)
    }

    /// The id of an organisation number.
    pub fn id(&self, number: u32) -> &str {
        self.ids.get(number as usize).map_or("", String::as_str)
    }
}
