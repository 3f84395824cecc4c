//! The blind judged set: records and queries written by an author who never saw the
//! thesaurus, the sample generator or the engine, graded by reading each record.
//!
//! Two halves, each with its own records: `dev` (read while tuning; its queries carry two
//! paraphrases each) and `heldout` (read by nobody who edits the thesaurus or the ranker:
//! this test prints only its figures per kind, never a query). The seventh development
//! set (`dev/seventh_queries.toml`), the eighth (`dev/eighth_queries.toml`) and the ninth
//! (`ninth/`, with records of its own) are the witnesses: written blind, read by nobody,
//! printed like the held-out half.

use orienta_ingest::{ingest, IngestContext};
use orienta_search::eval::blind::{source_id, BlindQuery, BlindSet};
use orienta_search::eval::ndcg_at;
use orienta_search::{build_version, IndexHandle, SearchIndex};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest mean nDCG@10 lost between a development query and its paraphrases: the target,
/// 0.05 (0.028 measured on 2026-12-05 after the situation phrases and moved Dutch verbs;
/// 0.030–0.032 with narrower needs and the glossary; 0.034 after
/// words for therapists, nurses and forms; 0.046
/// before them, 0.053 before issue 15, 0.086 after its first
/// thesaurus words, which raised the development queries more than their paraphrases; 0.061
/// before gapped forms).
const PARAPHRASE_DROP_CEILING: f64 = 0.05;

fn half(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/relevance")
        .join(name)
}

/// nDCG@10 figures of one half.
#[derive(Default)]
struct Figures {
    by_kind: BTreeMap<String, Vec<f64>>,
    without_results: Vec<String>,
    paraphrase_drops: Vec<f64>,
    /// Per kind, where the relevant records went (`BLIND_AGGREGATES=1`).
    shapes: BTreeMap<String, Vec<Shape>>,
}

/// Where one query's relevant records went: aggregated per kind, it says whether a kind
/// loses by recall (relevant records not found at all) or by order (found, ranked low),
/// without showing any query.
#[derive(Clone, Copy, Default)]
struct Shape {
    /// Share of the relevant (grade 2) records in the first ten (of those that fit).
    relevant_top10: f64,
    /// Share of the relevant records among the first 200.
    relevant_top200: f64,
    /// Unjudged or grade-0 records in the first ten.
    zeros_top10: f64,
    /// 1 when no need concept was understood.
    no_concept: f64,
    /// 1 when a relaxed pass answered.
    relaxed: f64,
}

/// Where the relevant records of `query` went for `text`.
fn shape(index: &SearchIndex, query: &BlindQuery, text: &str) -> Shape {
    let grades = query.grades();
    let mut request = query.request(text);
    request.limit = 200;
    let results = index.search(&request).expect("search runs");
    let ids: Vec<u64> = results
        .hits
        .iter()
        .map(|hit| source_id(&hit.organisation).unwrap_or(0))
        .collect();
    let relevant = &query.relevant;
    let found_in = |n: usize| {
        let found = relevant
            .iter()
            .filter(|id| ids.iter().take(n).any(|seen| seen == *id));
        found.count() as f64
    };
    let zeros = ids
        .iter()
        .take(10)
        .filter(|id| !grades.contains_key(id))
        .count();
    Shape {
        relevant_top10: found_in(10) / relevant.len().clamp(1, 10) as f64,
        relevant_top200: found_in(200) / relevant.len().max(1) as f64,
        zeros_top10: zeros as f64,
        no_concept: f64::from(u8::from(results.understanding.concepts.is_empty())),
        relaxed: f64::from(u8::from(results.understanding.relaxed)),
    }
}

impl Figures {
    fn mean(scores: &[f64]) -> f64 {
        scores.iter().sum::<f64>() / scores.len().max(1) as f64
    }

    fn overall(&self) -> f64 {
        let all: Vec<f64> = self.by_kind.values().flatten().copied().collect();
        Self::mean(&all)
    }
}

/// Imports a half's records with the real pipeline into a real on-disk index.
fn index_of(dir: &Path, root: &Path, thesaurus: &Arc<Thesaurus>) -> Arc<SearchIndex> {
    let tagger = Tagger::bundled().expect("territory layers");
    let sources = [dir.join("records.ndjson").display().to_string()];
    let outcome = ingest(&sources, &IngestContext::new(&tagger, thesaurus), &|_| {});
    assert!(
        outcome.organisations.len() >= 150,
        "{} imported",
        dir.display()
    );
    build_version(root, &outcome.organisations, thesaurus, &sources).expect("index built");
    let handle = IndexHandle::open(root, thesaurus.clone()).expect("index opened");
    handle.get()
}

/// What one text scored: nDCG@10, whether anything was found, the concepts understood.
struct Scored {
    ndcg: f64,
    found: bool,
    concepts: Vec<String>,
}

/// Runs one text for a query's grades.
fn score(index: &SearchIndex, query: &BlindQuery, text: &str) -> Scored {
    let grades = query.grades();
    let collection: Vec<u8> = grades.values().copied().collect();
    let results = index.search(&query.request(text)).expect("search runs");
    let ranked: Vec<u8> = results
        .hits
        .iter()
        .map(|hit| {
            let id = source_id(&hit.organisation);
            id.and_then(|id| grades.get(&id).copied()).unwrap_or(0)
        })
        .collect();
    Scored {
        ndcg: ndcg_at(&ranked, &collection, 10),
        found: !results.hits.is_empty(),
        concepts: results.understanding.concepts,
    }
}

/// Prints the first ten hits of a development query with their grades, and the relevant
/// records it missed (`BLIND_EXPLAIN=dev-040`, or `all`; never for the held-out half or the
/// witness sets).
fn explain(index: &SearchIndex, query: &BlindQuery, text: &str) {
    let grades = query.grades();
    let results = index.search(&query.request(text)).expect("search runs");
    println!("  {text}  ({} results)", results.total);
    let mut seen = Vec::new();
    for hit in &results.hits {
        let id = source_id(&hit.organisation).unwrap_or(0);
        seen.push(id);
        let grade = grades.get(&id).copied().unwrap_or(0);
        let name = hit
            .organisation
            .name
            .fr
            .as_deref()
            .or(hit.organisation.name.nl.as_deref());
        println!("    {grade} {id} {:.2} {}", hit.score, name.unwrap_or("-"));
    }
    let missed: Vec<u64> = query
        .relevant
        .iter()
        .filter(|id| !seen.contains(id))
        .copied()
        .collect();
    println!("    missed relevant: {missed:?}");
}

/// Scores the queries of `file` in the half `name` against that half's records.
fn evaluate(name: &str, file: &str, verbose: bool) -> Figures {
    let dir = half(name);
    let text = std::fs::read_to_string(dir.join(file)).expect("queries readable");
    let set: BlindSet = toml::from_str(&text).expect("queries valid");
    let thesaurus = Arc::new(Thesaurus::bundled());
    let root = tempfile::tempdir().expect("tempdir");
    let index = index_of(&dir, root.path(), &thesaurus);
    let mut figures = Figures::default();
    // `BLIND_PROBE="texte 1|tekst 2"`: any texts against the development records.
    if let (true, Ok(probes)) = (verbose, std::env::var("BLIND_PROBE")) {
        for text in probes.split('|') {
            let results = index
                .search(&set.query[0].request(text))
                .expect("search runs");
            let concepts = &results.understanding.concepts;
            println!(
                "probe {text:?} {concepts:?} relaxed={}",
                results.understanding.relaxed
            );
            explain(&index, &set.query[0], text);
        }
    }
    for query in &set.query {
        let Scored {
            ndcg,
            found,
            concepts,
        } = score(&index, query, &query.q);
        if !found {
            figures.without_results.push(query.id.clone());
        }
        let by_kind = figures.by_kind.entry(query.kind.clone()).or_default();
        by_kind.push(ndcg);
        if std::env::var("BLIND_AGGREGATES").is_ok() {
            let shapes = figures.shapes.entry(query.kind.clone()).or_default();
            shapes.push(shape(&index, query, &query.q));
        }
        if verbose {
            let (id, kind, q) = (&query.id, &query.kind, &query.q);
            println!("{id:<9} {kind:<10} ndcg@10 {ndcg:.3}  {q}  {concepts:?}");
        }
        if verbose && std::env::var("BLIND_EXPLAIN").is_ok_and(|id| id == query.id || id == "all") {
            for text in std::iter::once(&query.q).chain(&query.paraphrases) {
                explain(&index, query, text);
            }
        }
        if query.paraphrases.is_empty() {
            continue;
        }
        let paraphrased: Vec<f64> = query
            .paraphrases
            .iter()
            .map(|paraphrase| score(&index, query, paraphrase).ndcg)
            .collect();
        let drop = ndcg - Figures::mean(&paraphrased);
        figures.paraphrase_drops.push(drop);
        if verbose {
            println!("          paraphrases {paraphrased:.3?}");
        }
    }
    figures
}

/// The floors per kind and overall of each half (`tests/relevance/floors.toml`).
fn floors() -> HashMap<String, HashMap<String, f64>> {
    let text = std::fs::read_to_string(half("floors.toml")).expect("floors readable");
    toml::from_str(&text).expect("floors valid")
}

fn report(name: &str, figures: &Figures) {
    println!("\n{name}: {:<10} {:>7} {:>9}", "kind", "queries", "ndcg@10");
    for (kind, scores) in &figures.by_kind {
        let mean = Figures::mean(scores);
        println!("{name}: {kind:<10} {:>7} {mean:>9.3}", scores.len());
    }
    println!("{name}: {:<10} {:>17.3}", "all", figures.overall());
    for (kind, shapes) in &figures.shapes {
        let mean = |value: fn(&Shape) -> f64| {
            shapes.iter().map(value).sum::<f64>() / shapes.len().max(1) as f64
        };
        println!(
            "{name}: shape {kind:<10} relevant@10 {:.2} relevant@200 {:.2} zeros@10 {:.1} no-concept {:.2} relaxed {:.2}",
            mean(|s| s.relevant_top10),
            mean(|s| s.relevant_top200),
            mean(|s| s.zeros_top10),
            mean(|s| s.no_concept),
            mean(|s| s.relaxed),
        );
    }
    if !figures.paraphrase_drops.is_empty() {
        let drop = Figures::mean(&figures.paraphrase_drops);
        println!("{name}: mean nDCG@10 drop on paraphrases {drop:.3}");
    }
}

fn check(name: &str, figures: &Figures) -> Vec<String> {
    let floors = floors();
    let floors = floors.get(name).expect("floors of the half");
    let mut failures = Vec::new();
    // Queries allowed to find nothing (the target is none).
    let allowed_empty = floors.get("without_results").copied().unwrap_or(0.0) as usize;
    if figures.without_results.len() > allowed_empty {
        let empty = &figures.without_results;
        failures.push(format!("{name}: no result for {empty:?}"));
    }
    let mut measured: Vec<(String, f64)> = figures
        .by_kind
        .iter()
        .map(|(kind, scores)| (kind.clone(), Figures::mean(scores)))
        .collect();
    measured.push(("overall".to_owned(), figures.overall()));
    println!(
        "{name}: queries without results: {}",
        figures.without_results.len()
    );
    for (kind, value) in measured {
        let floor = floors.get(&kind).copied().unwrap_or(1.0);
        if value < floor {
            failures.push(format!(
                "{name}: {kind} nDCG@10 {value:.3} under {floor:.3}"
            ));
        }
    }
    failures
}

#[test]
fn blind_halves_reach_their_floors() {
    let dev = evaluate("dev", "queries.toml", true);
    let dev_extra = evaluate("dev", "extra_queries.toml", true);
    let dev_third = evaluate("dev", "third_queries.toml", true);
    let dev_fourth = evaluate("dev", "fourth_queries.toml", true);
    let dev_fifth = evaluate("dev", "fifth_queries.toml", true);
    let dev_sixth = evaluate("dev", "sixth_queries.toml", true);
    // The witness: written blind, read by nobody; only its figures are printed.
    let dev_seventh = evaluate("dev", "seventh_queries.toml", false);
    let dev_eighth = evaluate("dev", "eighth_queries.toml", false);
    // A witness with records of its own, read by nobody.
    let ninth = evaluate("ninth", "queries.toml", false);
    let heldout = evaluate("heldout", "queries.toml", false);
    report("heldout", &heldout);
    report("dev", &dev);
    report("dev-extra", &dev_extra);
    report("dev-third", &dev_third);
    report("dev-fourth", &dev_fourth);
    report("dev-fifth", &dev_fifth);
    report("dev-sixth", &dev_sixth);
    report("dev-seventh", &dev_seventh);
    report("dev-eighth", &dev_eighth);
    report("dev-ninth", &ninth);
    let mut failures = check("heldout", &heldout);
    failures.extend(check("dev", &dev));
    failures.extend(check("dev-extra", &dev_extra));
    failures.extend(check("dev-third", &dev_third));
    failures.extend(check("dev-fourth", &dev_fourth));
    failures.extend(check("dev-fifth", &dev_fifth));
    failures.extend(check("dev-sixth", &dev_sixth));
    failures.extend(check("dev-seventh", &dev_seventh));
    failures.extend(check("dev-eighth", &dev_eighth));
    failures.extend(check("dev-ninth", &ninth));
    let drop = Figures::mean(&dev.paraphrase_drops);
    if drop > PARAPHRASE_DROP_CEILING {
        failures.push(format!("dev: paraphrases lose {drop:.3} nDCG@10"));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
