//! The change feed: what was created, updated or deleted between index versions.

use crate::SearchError;
use orienta_model::Organisation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, Write};
use std::path::Path;

/// Organisation id → hash of its canonical JSON.
pub type Digest = BTreeMap<String, String>;

const DIGEST_FILE: &str = "digest.json";
const FEED_FILE: &str = "changes.ndjson";

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// New record.
    Created,
    /// The record changed.
    Updated,
    /// The record is gone (tombstone).
    Deleted,
}

/// One event of the change feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeEvent {
    /// Increasing sequence number.
    pub seq: u64,
    /// When the version was published, RFC 3339.
    pub at: String,
    /// The version that made the change.
    pub version: String,
    /// Organisation id.
    pub id: String,
    /// What happened.
    pub change: ChangeKind,
}

/// The hash of an organisation's content: its canonical JSON without the fetch times
/// (every `fetched_at`: `sources[]` and `locations[].source`), so that re-importing
/// unchanged sources changes no hash.
pub fn content_hash(organisation: &Organisation) -> Result<String, SearchError> {
    let mut value =
        serde_json::to_value(organisation).map_err(|e| SearchError::Corrupt(e.to_string()))?;
    strip_fetch_times(&mut value);
    Ok(hash(&value.to_string()))
}

fn strip_fetch_times(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("fetched_at");
            map.values_mut().for_each(strip_fetch_times);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_fetch_times),
        _ => {}
    }
}

/// A short stable hash of a text (FNV-1a 64, hex).
pub fn hash(text: &str) -> String {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        state ^= u64::from(*byte);
        state = state.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{state:016x}")
}

/// Writes a version's digest.
pub fn write_digest(version_dir: &Path, digest: &Digest) -> Result<(), SearchError> {
    let json = serde_json::to_string(digest).map_err(|e| SearchError::Corrupt(e.to_string()))?;
    let mut file = fs::File::create(version_dir.join(DIGEST_FILE))?;
    file.write_all(json.as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// Reads a version's digest (empty when missing).
pub fn read_digest(version_dir: &Path) -> Digest {
    fs::read_to_string(version_dir.join(DIGEST_FILE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Reads the change feed of an index root, events with `seq > since_seq` or `at >= since`.
pub fn read_feed(root: &Path) -> Vec<ChangeEvent> {
    let Ok(file) = fs::File::open(root.join(FEED_FILE)) else {
        return Vec::new();
    };
    std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str(&line).ok())
        .collect()
}

/// The events turning `previous` into `current`: created, updated, then deleted ids.
pub fn differences(previous: &Digest, current: &Digest) -> Vec<(String, ChangeKind)> {
    let mut events = Vec::new();
    for (id, hash) in current {
        let change = match previous.get(id) {
            None => ChangeKind::Created,
            Some(old) if old != hash => ChangeKind::Updated,
            Some(_) => continue,
        };
        events.push((id.clone(), change));
    }
    for id in previous.keys().filter(|id| !current.contains_key(*id)) {
        events.push((id.clone(), ChangeKind::Deleted));
    }
    events
}

/// Appends the differences between two digests to the feed and syncs it to disk before
/// returning; returns how many events.
pub fn append(
    root: &Path,
    version: &str,
    previous: Option<&Digest>,
    current: &Digest,
) -> Result<usize, SearchError> {
    let empty = Digest::new();
    let previous = previous.unwrap_or(&empty);
    let last_seq = read_feed(root).last().map_or(0, |event| event.seq);
    let at = chrono::Utc::now().to_rfc3339();
    let events = differences(previous, current);
    if events.is_empty() {
        return Ok(0);
    }
    let created = !root.join(FEED_FILE).exists();
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(root.join(FEED_FILE))?;
    let mut buffer = String::new();
    for (seq, (id, change)) in (last_seq + 1..).zip(&events) {
        let event = ChangeEvent {
            seq,
            at: at.clone(),
            version: version.to_owned(),
            id: id.clone(),
            change: *change,
        };
        let line =
            serde_json::to_string(&event).map_err(|e| SearchError::Corrupt(e.to_string()))?;
        buffer.push_str(&line);
        buffer.push('\n');
    }
    file.write_all(buffer.as_bytes())?;
    file.sync_all()?;
    if created {
        crate::versions::sync_dir(root);
    }
    Ok(events.len())
}

/// Cuts the feed before its first event that `keep` rejects, and drops a last line left
/// unfinished by a crash; returns how many events were removed.
pub fn truncate_feed(
    root: &Path,
    keep: impl Fn(&ChangeEvent) -> bool,
) -> Result<usize, SearchError> {
    let path = root.join(FEED_FILE);
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(0);
    };
    let mut offset = 0;
    let mut cut = None;
    for line in text.split_inclusive('\n') {
        let finished = line.ends_with('\n');
        let event = serde_json::from_str::<ChangeEvent>(line.trim_end()).ok();
        if !finished || event.as_ref().is_some_and(|event| !keep(event)) {
            cut = Some(offset);
            break;
        }
        offset += line.len();
    }
    let Some(cut) = cut else {
        return Ok(0);
    };
    let removed = text[cut..].lines().count();
    let file = fs::OpenOptions::new().write(true).open(&path)?;
    file.set_len(cut as u64)?;
    file.sync_all()?;
    Ok(removed)
}
