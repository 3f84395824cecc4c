//! An index built with other stems (or another schema) is rebuilt, never served as is.

use crate::cli::{self, Server};
use orienta_search::{versions, SearchError, SearchIndex};
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;

#[test]
fn a_version_analysed_with_other_stems_is_refused_and_rebuilt_at_start() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let source = cli::sample(work.path(), 60, 21);
    cli::ingest_ok(&root, &[&source]);
    let old_dir = versions::current_dir(&root).expect("a serving version");
    let old_version = versions::current_version(&root).expect("a version name");

    let manifest_path = old_dir.join("manifest.json");
    let text = std::fs::read_to_string(&manifest_path).expect("manifest");
    let mut manifest: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(manifest["analyzers"], orienta_search::build::ANALYZERS);
    manifest["analyzers"] = "frostem=0.0.1".into();
    std::fs::write(&manifest_path, manifest.to_string()).expect("manifest rewritten");

    let thesaurus = Arc::new(Thesaurus::bundled());
    match SearchIndex::open(&old_dir, thesaurus) {
        Err(SearchError::Incompatible(reason)) => assert!(reason.contains("frostem=0.0.1")),
        Err(other) => panic!("expected an incompatibility, got {other}"),
        Ok(_) => panic!("a version analysed with other stems was opened"),
    }

    let server = Server::start(&root, &[&source]);
    let (version, documents) = server.ready();
    assert_ne!(version, old_version, "the server rebuilt the index first");
    assert!(documents >= 60, "{documents} documents");
}
