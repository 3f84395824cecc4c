//! `orienta-bench search`: in-process latency per query kind, build time, index size and
//! reader memory at several corpus sizes, as a markdown report.

use crate::corpus::{self, BuiltIndex, Corpus};
use crate::inprocess;
use crate::machine::{self, Machine};
use crate::queries::{self, QueryKind};
use crate::stats::Measured;
use crate::table::{ms, Table};
use std::path::Path;

/// Queries of each kind in the mixed set.
pub const QUERIES_PER_KIND: usize = 600;
/// The columns of a per-kind latency table.
const PER_KIND_COLUMNS: [&str; 6] = [
    "kind",
    "lean p50 (ms)",
    "lean p99 (ms)",
    "API p50 (ms)",
    "API p99 (ms)",
    "mean matches",
];
/// Seed of the query set.
pub const QUERY_SEED: u64 = 42;

/// What one corpus size gave.
pub struct SizeResult {
    /// Records generated.
    pub size: usize,
    /// Organisations after ingestion.
    pub organisations: usize,
    /// Import + tag + dedup time, seconds.
    pub ingest_s: f64,
    /// The index.
    pub index: BuiltIndex,
    /// Resident memory added by opening and warming the reader.
    pub reader_rss_bytes: u64,
    /// Latencies with the peer budget (facets only for the facet kind, no highlights).
    pub measured: Measured,
    /// Latencies with the JSON API's budget (facets and highlights on every query).
    pub api_budget: Measured,
}

/// Prepares, indexes and measures one corpus size.
pub fn run_size(
    work_dir: &Path,
    size: usize,
    per_kind: usize,
) -> anyhow::Result<(Corpus, SizeResult)> {
    let corpus = corpus::prepare(work_dir, size)?;
    let index = corpus::build_index(&work_dir.join(format!("index-{size}")), &corpus)?;
    let query_set = queries::mixed_set(per_kind, QUERY_SEED);
    let warmup = queries::warmup_set(per_kind);
    let opened = inprocess::open_and_warm(&index.root, &warmup)?;
    let measured = inprocess::measure(&opened.handle.get(), &query_set, 1, false)?;
    let api_budget = inprocess::measure(&opened.handle.get(), &query_set, 1, true)?;
    let result = SizeResult {
        size,
        organisations: corpus.organisations.len(),
        ingest_s: corpus.ingest_time.as_secs_f64(),
        index,
        reader_rss_bytes: opened.reader_rss_bytes,
        measured,
        api_budget,
    };
    Ok((corpus, result))
}

/// Runs every size and returns the markdown report.
pub fn run(work_dir: &Path, sizes: &[usize], per_kind: usize) -> anyhow::Result<String> {
    let machine = Machine::describe();
    let mut results = Vec::new();
    for &size in sizes {
        eprintln!("search bench: {size} records");
        let (_, result) = run_size(work_dir, size, per_kind)?;
        results.push(result);
    }
    Ok(render(&machine, &results, per_kind))
}

/// The markdown report.
pub fn render(machine: &Machine, results: &[SizeResult], per_kind: usize) -> String {
    let mut out = String::from("# Orienta search, in-process\n\n");
    out.push_str(&machine.markdown());
    out.push_str(&format!(
        "\n\nMixed set: {per_kind} queries of each kind ({} in all), interleaved, one thread. \
         \"Lean\": top 10 + total count, facet counts only for the facet kind, no highlights (the \
         peer benchmark's budget). \"API\": facets and highlights on every query, as `GET \
         /v1/search` computes them.\n\n",
        per_kind * QueryKind::ALL.len()
    ));
    let mut summary = Table::new(&[
        "records",
        "organisations",
        "documents",
        "ingest (s)",
        "index build (s)",
        "index size (MiB)",
        "reader RSS (MiB)",
        "lean mixed p50 / p99 (ms)",
        "API mixed p50 / p99 (ms)",
    ]);
    for result in results {
        summary.row(vec![
            result.size.to_string(),
            result.organisations.to_string(),
            result.index.documents.to_string(),
            format!("{:.2}", result.ingest_s),
            format!("{:.2}", result.index.build_time.as_secs_f64()),
            format!("{:.1}", machine::mib(result.index.disk_bytes)),
            format!("{:.1}", machine::mib(result.reader_rss_bytes)),
            format!(
                "{} / {}",
                ms(result.measured.overall.p50_ms),
                ms(result.measured.overall.p99_ms)
            ),
            format!(
                "{} / {}",
                ms(result.api_budget.overall.p50_ms),
                ms(result.api_budget.overall.p99_ms)
            ),
        ]);
    }
    out.push_str(&summary.render());
    out.push('\n');
    let mut per_kind_table = Table::new(&[&["records"], PER_KIND_COLUMNS.as_slice()].concat());
    for result in results {
        for (kind, kind_result) in &result.measured.per_kind {
            let api = result
                .api_budget
                .per_kind
                .get(kind)
                .cloned()
                .unwrap_or_default();
            per_kind_table.row(vec![
                result.size.to_string(),
                kind.name().to_owned(),
                ms(kind_result.latency.p50_ms),
                ms(kind_result.latency.p99_ms),
                ms(api.latency.p50_ms),
                ms(api.latency.p99_ms),
                format!("{:.0}", kind_result.mean_total),
            ]);
        }
    }
    out.push_str(&per_kind_table.render());
    out.push_str(
        "\nTargets at 100k: p50 ≤ 0.5 ms and p99 ≤ 3 ms per query kind (lean); index build ≤ 10 s.\n",
    );
    out
}

/// Measures the mixed set on an index already built under `root` (lean and API budgets)
/// and returns a per-kind markdown table.
pub fn latency(
    root: &Path,
    per_kind: usize,
    rounds: usize,
    slowest: usize,
    kind: Option<QueryKind>,
) -> anyhow::Result<String> {
    let mut query_set = queries::mixed_set(per_kind, QUERY_SEED);
    if let Some(kind) = kind {
        query_set = queries::of_kind(&query_set, kind);
    }
    let warmup = queries::warmup_set(per_kind);
    let opened = inprocess::open_and_warm(root, &warmup)?;
    let index = opened.handle.get();
    let lean = inprocess::measure(&index, &query_set, rounds.max(1), false)?;
    let api = inprocess::measure(&index, &query_set, rounds.max(1), true)?;
    let mut table = Table::new(&PER_KIND_COLUMNS);
    for (kind, lean_result) in &lean.per_kind {
        let api_result = api.per_kind.get(kind).cloned().unwrap_or_default();
        table.row(vec![
            kind.name().to_owned(),
            ms(lean_result.latency.p50_ms),
            ms(lean_result.latency.p99_ms),
            ms(api_result.latency.p50_ms),
            ms(api_result.latency.p99_ms),
            format!("{:.0}", lean_result.mean_total),
        ]);
    }
    let mut out = format!(
        "{} documents, reader RSS {:.1} MiB\n\n{}",
        index.num_docs(),
        machine::mib(opened.reader_rss_bytes),
        table.render()
    );
    if slowest > 0 {
        out.push_str(&slowest_queries(&index, &query_set, slowest)?);
    }
    Ok(out)
}

/// The `count` slowest queries of the set (lean budget), each timed once more.
fn slowest_queries(
    index: &orienta_search::SearchIndex,
    queries: &[queries::QuerySpec],
    count: usize,
) -> anyhow::Result<String> {
    let mut timed = Vec::with_capacity(queries.len());
    for query in queries {
        let request = query.to_request(false);
        let started = std::time::Instant::now();
        let results = index.search(&request)?;
        timed.push((started.elapsed(), results.total, query));
    }
    timed.sort_by_key(|(elapsed, _, _)| std::cmp::Reverse(*elapsed));
    let mut table = Table::new(&["ms", "matches", "kind", "query"]);
    for (elapsed, total, query) in timed.into_iter().take(count) {
        table.row(vec![
            ms(elapsed.as_secs_f64() * 1e3),
            total.to_string(),
            query.kind.name().to_owned(),
            query.to_http_path(),
        ]);
    }
    Ok(format!("\nSlowest queries:\n\n{}", table.render()))
}
