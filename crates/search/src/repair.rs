//! Repairing an index root after a crash between publishing steps.
//!
//! A version is published in three steps: its directory is renamed into place, its change
//! events are appended to the feed (synced), then `CURRENT` switches to it. At the next
//! start of a writer or a server, [`repair`] makes the feed and `CURRENT` agree again:
//!
//! * **feed ahead of `CURRENT`** (crash between feed and switch): the version the last
//!   events name is complete on disk, so the switch is completed (roll forward); if its
//!   directory is incomplete or gone, its events are cut from the feed instead;
//! * **`CURRENT` ahead of the feed** (roots published by older releases, which switched
//!   first): the missing events are appended from the digests of the serving version and
//!   of the newest older version.
//!
//! A last feed line left unfinished by a crash is dropped in both cases.

use crate::changes::{self, ChangeEvent, Digest};
use crate::lock::IndexLock;
use crate::versions;
use crate::SearchError;

/// What [`repair`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repair {
    /// The version whose interrupted switch was completed.
    pub switched_to: Option<String>,
    /// Feed events removed (orphans of a version that never served, or an unfinished line).
    pub events_removed: usize,
    /// Feed events appended for a serving version that had none.
    pub events_appended: usize,
}

/// Makes the change feed and `CURRENT` of the locked root agree (see the module doc).
pub fn repair(lock: &IndexLock) -> Result<Repair, SearchError> {
    let root = lock.root();
    let mut report = Repair::default();
    let current = versions::current_version(root);
    report.events_removed += changes::truncate_feed(root, |_| true)?;
    let feed = changes::read_feed(root);
    let feed_version = feed.last().map(|event| event.version.clone());
    if let Some(ahead) = feed_version.filter(|last| current.as_ref() < Some(last)) {
        if versions::is_complete(&root.join(&ahead)) {
            tracing::warn!(version = %ahead, "completing the switch to a version whose feed was written before a crash");
            versions::switch_current(root, &ahead)?;
            report.switched_to = Some(ahead);
            return Ok(report);
        }
        let keep = |event: &ChangeEvent| current.as_ref() >= Some(&event.version);
        report.events_removed += changes::truncate_feed(root, keep)?;
        tracing::warn!(version = %ahead, removed = report.events_removed, "removed the feed events of a version that never served");
        return Ok(report);
    }
    let Some(current) = current else {
        return Ok(report);
    };
    if feed.iter().rev().any(|event| event.version == current) {
        return Ok(report);
    }
    let Some(previous) = previous_digest(root, &current, feed.is_empty()) else {
        return Ok(report);
    };
    let digest = changes::read_digest(&root.join(&current));
    if changes::differences(&previous, &digest).is_empty() {
        return Ok(report);
    }
    report.events_appended = changes::append(root, &current, Some(&previous), &digest)?;
    tracing::warn!(version = %current, appended = report.events_appended, "appended the missing feed events of the serving version");
    Ok(report)
}

/// The digest the feed stands at, before `current`: the newest complete version older than
/// `current` (all versions between the feed's last one and it had no events), or nothing
/// for a first version with an empty feed. `None` when it cannot be known.
fn previous_digest(root: &std::path::Path, current: &str, feed_empty: bool) -> Option<Digest> {
    let older = versions::version_names(root)
        .into_iter()
        .filter(|name| name.as_str() < current)
        .rev()
        .find(|name| versions::is_complete(&root.join(name)));
    match older {
        Some(name) => Some(changes::read_digest(&root.join(name))),
        None if feed_empty => Some(Digest::new()),
        None => None,
    }
}

#[cfg(test)]
mod tests;
