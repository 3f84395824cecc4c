//! Re-importing unchanged sources gives the same content hashes.

use orienta_ingest::{ingest, IngestContext};
use orienta_search::changes;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::path::PathBuf;

fn json_paths(prefix: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    match (a, b) {
        (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
            for (key, value) in x {
                let other = y.get(key).unwrap_or(&serde_json::Value::Null);
                json_paths(&format!("{prefix}.{key}"), value, other, out);
            }
        }
        (serde_json::Value::Array(x), serde_json::Value::Array(y)) if x.len() == y.len() => {
            for (index, (value, other)) in x.iter().zip(y).enumerate() {
                json_paths(&format!("{prefix}[{index}]"), value, other, out);
            }
        }
        _ if a != b => out.push(format!("{prefix}: {a} vs {b}")),
        _ => {}
    }
}

#[test]
fn unchanged_sources_hash_the_same_on_every_import() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let sources = vec![data
        .join("sample/social_brussels_sample.ndjson")
        .display()
        .to_string()];
    let tagger = Tagger::bundled().expect("territory layers");
    let thesaurus = Thesaurus::bundled();
    let context = IngestContext::new(&tagger, &thesaurus);
    let first = ingest(&sources, &context, &|_| {});
    std::thread::sleep(std::time::Duration::from_millis(5));
    let second = ingest(&sources, &context, &|_| {});
    assert_eq!(first.organisations.len(), second.organisations.len());
    let mut differences = Vec::new();
    for (a, b) in first.organisations.iter().zip(&second.organisations) {
        assert_ne!(
            a.sources[0].fetched_at, b.sources[0].fetched_at,
            "fetch times differ"
        );
        if changes::content_hash(a).unwrap() != changes::content_hash(b).unwrap() {
            let a = serde_json::to_value(a).unwrap();
            let b = serde_json::to_value(b).unwrap();
            json_paths(
                a["id"].as_str().unwrap_or_default(),
                &a,
                &b,
                &mut differences,
            );
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences: {:?}",
        differences.len(),
        &differences[..differences.len().min(10)]
    );
}
