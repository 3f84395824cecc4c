//! The blind judged halves (`tests/relevance/{dev,heldout}`) side by side: Orienta,
//! PostgreSQL, and PostgreSQL with the thesaurus as a synonym expansion, each graded by
//! the blind author's grades (never by a field either engine uses). Only figures per kind
//! are reported, never a query.

use super::{by_id, Engines, Relevance};
use crate::pg;
use crate::pg::judged::PgQuery;
use anyhow::Context;
use orienta_model::Organisation;
use orienta_search::eval::blind::{source_id, BlindSet};
use orienta_search::eval::ndcg_at;
use std::path::Path;

/// Scores the three engines on one half (`dev` or `heldout`); `None` when it is missing.
pub fn run(
    repository: &Path,
    work_dir: &Path,
    half: &str,
    port: u16,
) -> anyhow::Result<Option<Relevance>> {
    let dir = repository.join("tests/relevance").join(half);
    let Ok(text) = std::fs::read_to_string(dir.join("queries.toml")) else {
        return Ok(None);
    };
    let set: BlindSet = toml::from_str(&text).context("invalid blind queries")?;
    let sources = [dir.join("records.ndjson").display().to_string()];
    let database = format!("blind_{half}");
    let Engines {
        organisations,
        index,
        mut client,
        thesaurus,
    } = Engines::load(&sources, work_dir, &database, port)?;
    let by_id = by_id(&organisations);
    let mut relevance = Relevance::of(&organisations);
    for query in &set.query {
        let grades = query.grades();
        let collection: Vec<u8> = grades.values().copied().collect();
        let grade_of = |organisation: &Organisation| {
            source_id(organisation)
                .and_then(|id| grades.get(&id).copied())
                .unwrap_or(0)
        };
        let results = index.search(&query.request(&query.q))?;
        let orienta: Vec<u8> = results
            .hits
            .iter()
            .map(|hit| grade_of(&hit.organisation))
            .collect();
        let plain = PgQuery::blind(query, &query.q);
        let expanded = plain.clone().expanded(&thesaurus);
        let mut postgres_grades = |pg_query: &PgQuery| -> anyhow::Result<Vec<u8>> {
            let ranked = pg::judged::run(&mut client, pg_query)?;
            let grade = |(org_id, _): (String, usize)| {
                by_id
                    .get(org_id.as_str())
                    .map_or(0, |found| grade_of(found))
            };
            Ok(ranked.into_iter().map(grade).collect())
        };
        let postgres = postgres_grades(&plain)?;
        let postgres_thesaurus = postgres_grades(&expanded)?;
        let scores = [&orienta, &postgres, &postgres_thesaurus]
            .map(|ranked| ndcg_at(ranked, &collection, 10));
        relevance.add(&query.kind, scores);
    }
    drop(client);
    pg::connect(port)?.batch_execute(&format!("DROP DATABASE IF EXISTS {database}"))?;
    Ok(Some(relevance.finish()))
}
