//! Repair of roots left inconsistent by a crash or by an older release.

use super::*;
use crate::changes::ChangeKind;
use crate::lock::LockWait;
use crate::{build_version, IndexHandle};
use orienta_model::{I18nText, Organisation, Provenance, SourceSystem};
use orienta_thesaurus::Thesaurus;
use std::fs;
use std::path::Path;
use std::sync::Arc;

fn organisation(id: &str, name: &str) -> Organisation {
    let source = Provenance {
        system: SourceSystem::SocialBrussels,
        id: id.to_owned(),
        url: None,
        origin: "test".to_owned(),
        fetched_at: chrono::Utc::now(),
        updated_at: None,
        raw_hash: String::new(),
    };
    let name = I18nText::new(Some(name.to_owned()), None);
    let json = serde_json::json!({
        "id": id, "name": name, "official_name": name, "locations": [],
        "sources": [source], "synthetic": true
    });
    serde_json::from_value(json).unwrap()
}

fn corpus(ids: &[&str]) -> Vec<Organisation> {
    ids.iter()
        .map(|id| organisation(id, &format!("Service {id}")))
        .collect()
}

fn feed_versions(root: &Path) -> Vec<String> {
    let mut versions: Vec<String> = changes::read_feed(root)
        .into_iter()
        .map(|event| event.version)
        .collect();
    versions.dedup();
    versions
}

#[test]
fn rebuilding_unchanged_records_appends_no_event() {
    let dir = tempfile::tempdir().unwrap();
    let thesaurus = Thesaurus::bundled();
    build_version(dir.path(), &corpus(&["a", "b"]), &thesaurus, &[]).unwrap();
    // Same content, later fetch time: no `updated` event.
    let summary = build_version(dir.path(), &corpus(&["a", "b"]), &thesaurus, &[]).unwrap();
    assert_eq!(summary.changes, 0);
    assert_eq!(changes::read_feed(dir.path()).len(), 2);
}

#[test]
fn a_switch_without_its_feed_events_gets_them_appended() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let thesaurus = Thesaurus::bundled();
    build_version(root, &corpus(&["a", "b"]), &thesaurus, &[]).unwrap();
    let before = fs::read_to_string(root.join("changes.ndjson")).unwrap();
    let second = build_version(root, &corpus(&["b", "c"]), &thesaurus, &[]).unwrap();
    // An older release switched CURRENT first and crashed before appending the feed.
    fs::write(root.join("changes.ndjson"), &before).unwrap();

    let lock = IndexLock::acquire(root, LockWait::Fail).unwrap();
    let repaired = repair(&lock).unwrap();
    assert_eq!(repaired.events_appended, 2);
    let events = changes::read_feed(root);
    let last: Vec<(&str, ChangeKind)> = events[2..]
        .iter()
        .map(|event| (event.id.as_str(), event.change))
        .collect();
    assert_eq!(
        last,
        [("c", ChangeKind::Created), ("a", ChangeKind::Deleted)]
    );
    assert!(events[2..]
        .iter()
        .all(|event| event.version == second.manifest.version));
    // Idempotent.
    assert_eq!(repair(&lock).unwrap(), Repair::default());
}

#[test]
fn feed_events_of_a_version_that_never_served_are_rolled_forward_or_cut() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let thesaurus = Arc::new(Thesaurus::bundled());
    let first = build_version(root, &corpus(&["a"]), &thesaurus, &[]).unwrap();
    let second = build_version(root, &corpus(&["a", "b"]), &thesaurus, &[]).unwrap();
    // Crash between feed and switch: CURRENT still names the first version.
    versions::switch_current(root, &first.manifest.version).unwrap();
    let lock = IndexLock::acquire(root, LockWait::Fail).unwrap();
    let repaired = repair(&lock).unwrap();
    assert_eq!(
        repaired.switched_to.as_deref(),
        Some(second.manifest.version.as_str())
    );
    let handle = IndexHandle::open(root, thesaurus.clone()).unwrap();
    assert_eq!(handle.get().num_docs(), 2);

    // Same, but the new version's directory is gone: its events are cut.
    versions::switch_current(root, &first.manifest.version).unwrap();
    fs::remove_dir_all(root.join(&second.manifest.version)).unwrap();
    let mut feed = fs::OpenOptions::new()
        .append(true)
        .open(root.join("changes.ndjson"))
        .unwrap();
    std::io::Write::write_all(&mut feed, b"{\"seq\":9,\"at\":\"2026").unwrap();
    let repaired = repair(&lock).unwrap();
    assert_eq!(repaired.switched_to, None);
    assert_eq!(
        repaired.events_removed, 2,
        "one event and one unfinished line"
    );
    assert_eq!(
        feed_versions(root),
        std::slice::from_ref(&first.manifest.version)
    );
    assert_eq!(
        versions::current_version(root),
        Some(first.manifest.version)
    );
}
