//! Relevance side by side, nDCG@10 for Orienta, PostgreSQL's ranking of the same records,
//! and PostgreSQL given the thesaurus as a synonym expansion: the old judged queries
//! (tests/relevance/judged_queries.toml, over the bundled data set, graded by category
//! labels) here, the blind halves (`tests/relevance/{dev,heldout}`) in [`blind`].

pub mod blind;
pub mod report;

use crate::pg;
use crate::pg::judged::PgQuery;
use anyhow::Context;
use orienta_ingest::{ingest, IngestContext};
use orienta_model::Organisation;
use orienta_search::eval::{ndcg_at, JudgedQuery, JudgedSet};
use orienta_search::{build_version, IndexHandle, SearchIndex};
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
    /// Mean nDCG@10 of PostgreSQL with the thesaurus as a synonym expansion.
    pub postgres_thesaurus: f64,
    /// Per kind: queries and the three means.
    pub per_kind: BTreeMap<String, KindScores>,
}

/// The queries of one kind and the mean nDCG@10 of each engine.
#[derive(Debug, Clone, Copy, Default)]
pub struct KindScores {
    /// Queries of the kind.
    pub queries: usize,
    /// Orienta.
    pub orienta: f64,
    /// PostgreSQL.
    pub postgres: f64,
    /// PostgreSQL with the thesaurus.
    pub postgres_thesaurus: f64,
}

/// The organisations by id.
pub fn by_id(organisations: &[Organisation]) -> HashMap<&str, &Organisation> {
    organisations
        .iter()
        .map(|organisation| (organisation.id.as_str(), organisation))
        .collect()
}

impl Relevance {
    /// Empty sums over a collection of `organisations`.
    pub fn of(organisations: &[Organisation]) -> Self {
        Self {
            organisations: organisations.len(),
            ..Self::default()
        }
    }

    /// Adds one query's three scores under `kind`.
    pub fn add(&mut self, kind: &str, [orienta, postgres, expanded]: [f64; 3]) {
        self.queries += 1;
        self.orienta += orienta;
        self.postgres += postgres;
        self.postgres_thesaurus += expanded;
        let entry = self.per_kind.entry(kind.to_owned()).or_default();
        entry.queries += 1;
        entry.orienta += orienta;
        entry.postgres += postgres;
        entry.postgres_thesaurus += expanded;
    }

    /// Turns the sums into means.
    pub fn finish(mut self) -> Self {
        let count = self.queries.max(1) as f64;
        self.orienta /= count;
        self.postgres /= count;
        self.postgres_thesaurus /= count;
        for scores in self.per_kind.values_mut() {
            let count = scores.queries.max(1) as f64;
            scores.orienta /= count;
            scores.postgres /= count;
            scores.postgres_thesaurus /= count;
        }
        self
    }
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
    let Engines {
        organisations,
        index,
        mut client,
        thesaurus,
    } = Engines::load(&sources, work_dir, "judged", port)?;
    let by_id = by_id(&organisations);
    let mut relevance = Relevance::of(&organisations);
    for judged in &set.query {
        let collection = collection_grades(judged, &organisations);
        let results = index.search(&judged.request())?;
        let orienta_grades: Vec<u8> = results
            .hits
            .iter()
            .map(|hit| judged.grade(&hit.organisation, hit.location_index))
            .collect();
        let grades_of = |ranked: Vec<(String, usize)>| -> Vec<u8> {
            let grade = |(org_id, location_index): (String, usize)| {
                by_id
                    .get(org_id.as_str())
                    .map_or(0, |organisation| judged.grade(organisation, location_index))
            };
            ranked.into_iter().map(grade).collect()
        };
        let plain = PgQuery::judged(judged);
        let expanded = plain.clone().expanded(&thesaurus);
        let postgres_grades = grades_of(pg::judged::run(&mut client, &plain)?);
        let expanded_grades = grades_of(pg::judged::run(&mut client, &expanded)?);
        let scores = [
            ndcg_at(&orienta_grades, &collection, 10),
            ndcg_at(&postgres_grades, &collection, 10),
            ndcg_at(&expanded_grades, &collection, 10),
        ];
        relevance.add(&judged.kind, scores);
    }
    let relevance = relevance.finish();
    drop(client);
    pg::connect(port)?.batch_execute("DROP DATABASE IF EXISTS judged")?;
    Ok(Some(relevance))
}

/// Every judged set side by side: the blind held-out half first, then the development
/// half, then the old judged set.
pub fn sections(repository: &Path, work_dir: &Path, port: u16) -> Vec<report::Section> {
    let missing = |what: &str| format!("{what} is missing");
    let blind = |half: &str| match blind::run(repository, work_dir, half, port) {
        Ok(Some(relevance)) => Ok(relevance),
        Ok(None) => Err(missing(&format!("tests/relevance/{half}"))),
        Err(error) => Err(format!("{error:#}")),
    };
    let old = match run(repository, work_dir, port) {
        Ok(Some(relevance)) => Ok(relevance),
        Ok(None) => Err(missing(
            "tests/relevance/judged_queries.toml or the bundled data",
        )),
        Err(error) => Err(format!("{error:#}")),
    };
    vec![
        report::Section {
            title: "Relevance, blind held-out half (nDCG@10)".to_owned(),
            about: "Records and queries written blind, graded by reading each record; nobody \
                    who edits the thesaurus or the ranker reads them"
                .to_owned(),
            result: blind("heldout"),
        },
        report::Section {
            title: "Relevance, blind development half (nDCG@10)".to_owned(),
            about: "Written by the same blind author; read while tuning".to_owned(),
            result: blind("dev"),
        },
        report::Section {
            title: "Relevance, old judged set (nDCG@10)".to_owned(),
            about: "The bundled data set graded by source category labels, which the ranker \
                    also reads: it measures the thesaurus's coverage of its own forms"
                .to_owned(),
            result: old,
        },
    ]
}

/// One collection imported into both engines.
pub struct Engines {
    /// The imported organisations.
    pub organisations: Vec<Organisation>,
    /// Orienta's index of them.
    pub index: Arc<SearchIndex>,
    /// A connection to the PostgreSQL database holding them.
    pub client: postgres::Client,
    /// The thesaurus both use.
    pub thesaurus: Arc<Thesaurus>,
}

impl Engines {
    /// Imports `sources` with the real pipeline, indexes them under `work_dir/index-<name>`
    /// and loads them into a fresh PostgreSQL database `name`.
    pub fn load(
        sources: &[String],
        work_dir: &Path,
        name: &str,
        port: u16,
    ) -> anyhow::Result<Self> {
        let tagger = Tagger::bundled().context("cannot load the territory layers")?;
        let thesaurus = Arc::new(Thesaurus::bundled());
        let outcome = ingest(sources, &IngestContext::new(&tagger, &thesaurus), &|_| {});
        let organisations = outcome.organisations;
        let root = work_dir.join(format!("index-{name}"));
        if root.exists() {
            std::fs::remove_dir_all(&root)?;
        }
        build_version(&root, &organisations, &thesaurus, sources)?;
        let index = IndexHandle::open(&root, thesaurus.clone())?.get();
        let mut admin = pg::connect(port)?;
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let mut client = pg::connect_to(port, name)?;
        pg::load::load(&mut client, &organisations, &thesaurus)?;
        Ok(Self {
            organisations,
            index,
            client,
            thesaurus,
        })
    }
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
