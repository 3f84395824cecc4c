//! The judged relevance set: nDCG@10 and recall@10 over the bundled data.
//!
//! The bundled data is imported with the real pipeline into a real on-disk index, every
//! judged query is run, and each hit is graded by its source category labels.

mod blind;

use orienta_ingest::{ingest, IngestContext};
use orienta_search::eval::{ndcg_at, recall_at, JudgedSet};
use orienta_search::{build_version, IndexHandle};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

const NDCG_FLOOR: f64 = 0.85;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn judged_set() -> JudgedSet {
    let path = repository().join("tests/relevance/judged_queries.toml");
    let text = std::fs::read_to_string(&path).expect("judged queries readable");
    toml::from_str(&text).expect("judged queries valid")
}

#[test]
fn judged_queries_reach_ndcg_floor() {
    let data = repository().join("data");
    let sources: Vec<String> = [
        "sample/social_brussels_sample.ndjson",
        "providers/cdcs_sample/organisation_13219.json",
        "providers/eurostat_hospitals_brussels.csv",
    ]
    .iter()
    .map(|relative| data.join(relative).display().to_string())
    .collect();
    let tagger = Tagger::bundled().expect("territory layers");
    let thesaurus = Arc::new(Thesaurus::bundled());
    let outcome = ingest(&sources, &IngestContext::new(&tagger, &thesaurus), &|_| {});
    assert!(outcome.organisations.len() > 4_000, "bundled data imported");
    let root = tempfile::tempdir().expect("tempdir");
    build_version(root.path(), &outcome.organisations, &thesaurus, &sources).expect("index built");
    let handle = IndexHandle::open(root.path(), thesaurus.clone()).expect("index opened");
    let index = handle.get();

    let set = judged_set();
    assert!(set.query.len() >= 60, "at least 60 judged queries");
    let mut by_kind: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    let mut failures = Vec::new();
    for judged in &set.query {
        // The collection's grades: every organisation × location the filters admit.
        let mut collection = Vec::new();
        for organisation in &outcome.organisations {
            for location_index in 0..organisation.locations.len().max(1) {
                collection.push(judged.grade(organisation, location_index));
            }
        }
        let results = index.search(&judged.request()).expect("search runs");
        let ranked: Vec<u8> = results
            .hits
            .iter()
            .map(|hit| judged.grade(&hit.organisation, hit.location_index))
            .collect();
        let ndcg = ndcg_at(&ranked, &collection, 10);
        let recall = recall_at(&ranked, &collection, 10);
        let relevant_exists = collection.contains(&2);
        if relevant_exists && results.hits.is_empty() {
            failures.push(format!("{}: no result for a need that exists", judged.id));
        }
        println!(
            "{:<28} {:<10} ndcg@10 {ndcg:.3} recall@10 {recall:.3} total {} concepts {:?}",
            judged.id, judged.kind, results.total, results.understanding.concepts
        );
        by_kind
            .entry(judged.kind.clone())
            .or_default()
            .push((ndcg, recall));
    }
    let mut all = Vec::new();
    println!(
        "\n{:<10} {:>7} {:>9} {:>9}",
        "kind", "queries", "ndcg@10", "recall@10"
    );
    for (kind, scores) in &by_kind {
        let ndcg = scores.iter().map(|s| s.0).sum::<f64>() / scores.len() as f64;
        let recall = scores.iter().map(|s| s.1).sum::<f64>() / scores.len() as f64;
        println!("{kind:<10} {:>7} {ndcg:>9.3} {recall:>9.3}", scores.len());
        all.extend(scores.iter().copied());
    }
    let mean_ndcg = all.iter().map(|s| s.0).sum::<f64>() / all.len() as f64;
    let mean_recall = all.iter().map(|s| s.1).sum::<f64>() / all.len() as f64;
    println!(
        "{:<10} {:>7} {mean_ndcg:>9.3} {mean_recall:>9.3}",
        "all",
        all.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        mean_ndcg >= NDCG_FLOOR,
        "mean nDCG@10 {mean_ndcg:.3} is under {NDCG_FLOOR}"
    );
}
