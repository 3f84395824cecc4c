//! Orienta in-process: the query set run straight against `SearchIndex::search`.

use crate::machine;
use crate::queries::{QueryKind, QuerySpec};
use crate::stats::{Measured, Recorder};
use anyhow::Context;
use orienta_search::{IndexHandle, SearchIndex, SearchRequest};
use orienta_thesaurus::Thesaurus;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// An opened index and what opening and warming it cost in memory.
pub struct OpenedIndex {
    /// The handle.
    pub handle: IndexHandle,
    /// Resident memory added by opening the index and running the warm-up queries.
    pub reader_rss_bytes: u64,
}

/// Opens the index under `root` and warms it with one pass over `warmup` (queries other
/// than the timed ones: [`crate::queries::warmup_set`]).
pub fn open_and_warm(root: &Path, warmup: &[QuerySpec]) -> anyhow::Result<OpenedIndex> {
    let thesaurus = Arc::new(Thesaurus::bundled());
    let before = machine::own_rss_bytes();
    let handle = IndexHandle::open(root, thesaurus).context("cannot open the index")?;
    let index = handle.get();
    for query in warmup {
        index.search(&query.to_request(false))?;
        index.search(&query.to_request(true))?;
    }
    let after = machine::own_rss_bytes();
    Ok(OpenedIndex {
        handle,
        reader_rss_bytes: after.saturating_sub(before),
    })
}

/// Runs every query `rounds` times, in order, and groups the latencies by kind; with
/// `api_budget`, every query also computes facets and highlights as the JSON API does.
pub fn measure(
    index: &SearchIndex,
    queries: &[QuerySpec],
    rounds: usize,
    api_budget: bool,
) -> anyhow::Result<Measured> {
    let requests: Vec<(QueryKind, SearchRequest)> = queries
        .iter()
        .map(|query| (query.kind, query.to_request(api_budget)))
        .collect();
    let mut recorder = Recorder::default();
    for _ in 0..rounds {
        for (kind, request) in &requests {
            let started = Instant::now();
            let results = index.search(request)?;
            recorder.record(*kind, started.elapsed(), results.total as f64);
        }
    }
    Ok(recorder.finish())
}
