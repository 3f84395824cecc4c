//! Shared helpers: data paths, one tagger and thesaurus, a run wrapper checking invariants.

use orienta_ingest::{ingest, IngestContext, IngestOptions, IngestOutcome};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::sync::OnceLock;

/// A file of the repository's `data/` directory.
pub fn data(path: &str) -> String {
    format!("{}/../../data/{path}", env!("CARGO_MANIFEST_DIR"))
}

pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::bundled().expect("bundled territory layers load"))
}

fn thesaurus() -> &'static Thesaurus {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    THESAURUS.get_or_init(Thesaurus::bundled)
}

/// Runs the pipeline and checks `read = accepted + rejected` for every source.
pub fn run(sources: &[String]) -> IngestOutcome {
    run_with(sources, IngestOptions::default())
}

/// Same as [`run`] with options.
pub fn run_with(sources: &[String], options: IngestOptions) -> IngestOutcome {
    let context = IngestContext {
        tagger: tagger(),
        thesaurus: thesaurus(),
        options,
    };
    let outcome = ingest(sources, &context, &|_| {});
    for source in &outcome.report.sources {
        assert_eq!(
            source.read,
            source.accepted + source.rejected,
            "read = accepted + rejected for {}",
            source.origin
        );
    }
    let mut ids: Vec<&str> = outcome
        .organisations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    let sorted = {
        let mut sorted = ids.clone();
        sorted.sort();
        sorted
    };
    assert_eq!(ids, sorted, "organisations sorted by id");
    ids.dedup();
    assert_eq!(ids.len(), outcome.organisations.len(), "unique ids");
    outcome
}

/// Writes a temporary file with the given name and content; the directory lives as long as
/// the returned guard.
pub fn temp_file(name: &str, content: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write temp file");
    let path = path.display().to_string();
    (dir, path)
}
