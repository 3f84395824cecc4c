//! The catalogue of the serving index version: its organisation ids, when each last
//! changed, and the change feed — read once per version from the files the index build wrote.

use crate::error::ApiError;
use chrono::{DateTime, Utc};
use orienta_search::changes::{self, ChangeEvent, ChangeKind};
use orienta_search::SearchIndex;
use std::collections::HashMap;
use std::path::Path;

/// Ids, modification times and change events of one version.
#[derive(Debug)]
pub struct Catalogue {
    /// The version it describes.
    pub version: String,
    /// Organisation ids, sorted.
    pub ids: Vec<String>,
    /// Last creation or update of each id in the feed.
    pub modified: HashMap<String, DateTime<Utc>>,
    /// The change feed up to this version.
    pub events: Vec<ChangeEvent>,
    /// When the version was built (for ids the feed does not know).
    pub built_at: DateTime<Utc>,
    /// HSDS service and organization UUIDs → organisation id.
    pub hsds_ids: HashMap<String, String>,
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|time| time.with_timezone(&Utc))
}

impl Catalogue {
    /// Reads the version's digest and the root's change feed.
    pub fn build(index: &SearchIndex, root: &Path, version: &str) -> Result<Self, ApiError> {
        let digest = changes::read_digest(index.directory());
        let built_at = orienta_search::versions::read_manifest(index.directory())
            .and_then(|manifest| parse_time(&manifest.created_at))
            .unwrap_or_else(Utc::now);
        let events: Vec<ChangeEvent> = changes::read_feed(root)
            .into_iter()
            .take_while(|event| event.version.as_str() <= version)
            .collect();
        let mut modified = HashMap::with_capacity(digest.len());
        for event in &events {
            if event.change == ChangeKind::Deleted {
                continue;
            }
            if let Some(at) = parse_time(&event.at) {
                modified.insert(event.id.clone(), at);
            }
        }
        let ids: Vec<String> = digest.into_keys().collect();
        let mut hsds_ids = HashMap::with_capacity(ids.len() * 2);
        for id in &ids {
            hsds_ids.insert(crate::hsds::map::service_id(id), id.clone());
            hsds_ids.insert(crate::hsds::map::as_uuid("organization", id), id.clone());
        }
        Ok(Self {
            version: version.to_owned(),
            ids,
            hsds_ids,
            modified,
            events,
            built_at,
        })
    }

    /// When an organisation last changed.
    pub fn modified(&self, id: &str) -> DateTime<Utc> {
        self.modified.get(id).copied().unwrap_or(self.built_at)
    }
}
