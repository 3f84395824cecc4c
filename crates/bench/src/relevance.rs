//! Relevance side by side: the judged queries (tests/relevance/judged_queries.toml) over the
//! bundled data set, scored with nDCG@10 (`orienta_search::eval`) for Orienta and for
//! PostgreSQL's ranking of the same records.

use crate::pg;
use anyhow::Context;
use orienta_ingest::{ingest, IngestContext};
use orienta_model::Organisation;
use orienta_search::eval::{ndcg_at, JudgedQuery, JudgedSet};
use orienta_search::{build_version, IndexHandle};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

/// The bundled sources the judged set is graded on, relative to `data/`.
const JUDGED_SOURCES: &[&str] = &[
    "sample/social_brussels_sample.ndjson",
    "providers/cdcs_sample/organisation_13219.json",
    "providers/eurostat_hospitals_brussels.csv",
];

/// Mean nDCG@10 of both engines, overall and per judged kind.
#[derive(Debug, Clone, Default)]
pub struct Relevance {
    /// Judged queries.
    pub queries: usize,
    /// Organisations in the judged collection.
    pub organisations: usize,
    /// Mean nDCG@10 of Orienta.
    pub orienta: f64,
    /// Mean nDCG@10 of PostgreSQL.
    pub postgres: f64,
    /// Per kind: (queries, Orienta, PostgreSQL).
    pub per_kind: BTreeMap<String, (usize, f64, f64)>,
}

/// Scores both engines; `None` when the judged set or the bundled data is missing.
pub fn run(repository: &Path, work_dir: &Path, port: u16) -> anyhow::Result<Option<Relevance>> {
    let judged_path = repository.join("tests/relevance/judged_queries.toml");
    let Ok(text) = std::fs::read_to_string(&judged_path) else {
        return Ok(None);
    };
    let set: JudgedSet = toml::from_str(&text).context("invalid judged_queries.toml")?;
    let sources: Vec<String> = JUDGED_SOURCES
        .iter()
        .map(|relative| repository.join("data").join(relative))
        .filter(|path| path.exists())
        .map(|path| path.display().to_string())
        .collect();
    if sources.is_empty() {
        return Ok(None);
    }
    let tagger = Tagger::bundled().context("cannot load the territory layers")?;
    let thesaurus = Arc::new(Thesaurus::bundled());
    let outcome = ingest(&sources, &IngestContext::new(&tagger, &thesaurus), &|_| {});
    let organisations = outcome.organisations;

    let root = work_dir.join("index-judged");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    build_version(&root, &organisations, &thesaurus, &sources)?;
    let handle = IndexHandle::open(&root, thesaurus.clone())?;
    let index = handle.get();

    let mut admin = pg::connect(port)?;
    admin.batch_execute("DROP DATABASE IF EXISTS judged")?;
    admin.batch_execute("CREATE DATABASE judged")?;
    let mut client = pg::connect_to(port, "judged")?;
    pg::load::load(&mut client, &organisations, &thesaurus)?;

    let by_id: HashMap<&str, &Organisation> = organisations
        .iter()
        .map(|organisation| (organisation.id.as_str(), organisation))
        .collect();
    let mut relevance = Relevance {
        queries: set.query.len(),
        organisations: organisations.len(),
        ..Relevance::default()
    };
    for judged in &set.query {
        let collection = collection_grades(judged, &organisations);
        let results = index.search(&judged.request())?;
        let orienta_grades: Vec<u8> = results
            .hits
            .iter()
            .map(|hit| judged.grade(&hit.organisation, hit.location_index))
            .collect();
        let postgres_grades: Vec<u8> = pg::judged::run(&mut client, judged)?
            .into_iter()
            .map(|(org_id, location_index)| {
                by_id
                    .get(org_id.as_str())
                    .map_or(0, |organisation| judged.grade(organisation, location_index))
            })
            .collect();
        let orienta = ndcg_at(&orienta_grades, &collection, 10);
        let postgres = ndcg_at(&postgres_grades, &collection, 10);
        relevance.orienta += orienta;
        relevance.postgres += postgres;
        let entry = relevance.per_kind.entry(judged.kind.clone()).or_default();
        entry.0 += 1;
        entry.1 += orienta;
        entry.2 += postgres;
    }
    let count = relevance.queries.max(1) as f64;
    relevance.orienta /= count;
    relevance.postgres /= count;
    for (queries, orienta, postgres) in relevance.per_kind.values_mut() {
        *orienta /= *queries as f64;
        *postgres /= *queries as f64;
    }
    drop(client);
    admin.batch_execute("DROP DATABASE IF EXISTS judged")?;
    Ok(Some(relevance))
}

/// Every grade of the collection for one judged query.
fn collection_grades(judged: &JudgedQuery, organisations: &[Organisation]) -> Vec<u8> {
    organisations
        .iter()
        .flat_map(|organisation| {
            (0..organisation.locations.len().max(1))
                .map(move |location_index| judged.grade(organisation, location_index))
        })
        .collect()
}
