//! `orienta-bench peer`: Orienta and PostgreSQL 15 + PostGIS side by side on the same
//! records and the same mixed query set: in-process and single-client latency, throughput at
//! 64 connections (servers pinned to one core, load generators to the other), build time,
//! disk size, memory and nDCG@10 on the judged queries.

mod report;

use crate::corpus::{self, BuiltIndex};
use crate::http::{self, WrkResult};
use crate::inprocess;
use crate::machine::{self, Machine};
use crate::pg::{self, load::LoadSummary, Cluster, LoadResult};
use crate::queries::{self, QueryKind};
use crate::relevance;
use crate::stats::Measured;
use anyhow::Context;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Seed of the peer query set.
pub const QUERY_SEED: u64 = 4242;

/// How a peer run is set up.
pub struct PeerOptions {
    /// The repository (tests/peer/postgres.sh, tests/relevance/, data/).
    pub repository: PathBuf,
    /// Corpora, indexes and the PostgreSQL cluster go here.
    pub work_dir: PathBuf,
    /// Corpus sizes.
    pub sizes: Vec<usize>,
    /// The `orienta` binary for the HTTP run.
    pub orienta_binary: PathBuf,
    /// Queries of each kind for latency.
    pub per_kind: usize,
    /// Time allowed to PostgreSQL's single-client latency run.
    pub latency_budget: Duration,
    /// Duration of each throughput run.
    pub load_duration: Duration,
    /// Connections of the throughput runs.
    pub connections: usize,
    /// Core the servers are pinned to.
    pub server_core: usize,
    /// Core the load generators are pinned to.
    pub load_core: usize,
}

/// What PostgreSQL gave at one size.
pub struct PostgresSide {
    /// Loading.
    pub load: LoadSummary,
    /// Single-client latency per kind and over the mixed set.
    pub latency: Measured,
    /// Throughput per kind.
    pub throughput: BTreeMap<QueryKind, LoadResult>,
    /// PSS of the postmaster and its backends after the runs.
    pub memory_bytes: u64,
}

/// What Orienta over HTTP gave at one size.
pub struct HttpSide {
    /// wrk per kind.
    pub throughput: BTreeMap<QueryKind, WrkResult>,
    /// PSS of the server after the runs.
    pub memory_bytes: u64,
}

/// One size, both engines.
pub struct SizeReport {
    /// Records generated.
    pub size: usize,
    /// Organisations after ingestion.
    pub organisations: usize,
    /// Generation time of the NDJSON, seconds.
    pub generate_s: f64,
    /// Ingestion time (shared by both engines), seconds.
    pub ingest_s: f64,
    /// Orienta's index.
    pub index: BuiltIndex,
    /// In-process latencies, peer budget.
    pub orienta: Measured,
    /// In-process latencies with the JSON API's budget (facets and highlights always).
    pub orienta_api_budget: Measured,
    /// Reader memory.
    pub reader_rss_bytes: u64,
    /// PostgreSQL.
    pub postgres: PostgresSide,
    /// HTTP, or why it did not run.
    pub http: Result<HttpSide, String>,
}

/// Runs the whole comparison and returns the markdown report.
pub fn run(options: &PeerOptions) -> anyhow::Result<String> {
    let machine = Machine::describe();
    let script = options.repository.join("tests/peer/postgres.sh");
    let pg_dir = options.work_dir.join("postgres");
    if pg_dir.exists() {
        std::fs::remove_dir_all(&pg_dir)?;
    }
    std::fs::create_dir_all(&options.work_dir)?;
    let cluster = Cluster::start(&script, &pg_dir, options.server_core)?;
    let mut reports = Vec::new();
    for &size in &options.sizes {
        eprintln!("peer bench: {size} records");
        reports.push(run_size(options, &cluster, size)?);
    }
    eprintln!("peer bench: judged relevance");
    let relevance = relevance::sections(&options.repository, &options.work_dir, cluster.port);
    drop(cluster);
    Ok(report::render(&machine, options, &reports, &relevance))
}

/// Relevance alone: a PostgreSQL cluster, the judged sets in both engines, the markdown.
pub fn relevance_command(repository: &Path, work_dir: &Path) -> anyhow::Result<String> {
    let script = repository.join("tests/peer/postgres.sh");
    let pg_dir = work_dir.join("postgres");
    if pg_dir.exists() {
        std::fs::remove_dir_all(&pg_dir)?;
    }
    std::fs::create_dir_all(work_dir)?;
    let cluster = Cluster::start(&script, &pg_dir, 0)?;
    let sections = relevance::sections(repository, work_dir, cluster.port);
    drop(cluster);
    Ok(relevance::report::render(&sections) + &relevance::report::target(&sections))
}

fn run_size(options: &PeerOptions, cluster: &Cluster, size: usize) -> anyhow::Result<SizeReport> {
    let corpus = corpus::prepare(&options.work_dir, size)?;
    let index = corpus::build_index(&options.work_dir.join(format!("index-{size}")), &corpus)?;
    let query_set = queries::mixed_set(options.per_kind, QUERY_SEED);

    eprintln!("  orienta in-process");
    // In-process Orienta runs on the server core, like the PostgreSQL backends.
    machine::pin_current_thread(options.server_core);
    let warmup = queries::warmup_set(options.per_kind);
    let opened = inprocess::open_and_warm(&index.root, &warmup)?;
    let orienta = inprocess::measure(&opened.handle.get(), &query_set, 1, false)?;
    let orienta_api_budget = inprocess::measure(&opened.handle.get(), &query_set, 1, true)?;
    // The PostgreSQL client runs on the load core.
    machine::pin_current_thread(options.load_core);
    let reader_rss_bytes = opened.reader_rss_bytes;
    drop(opened);

    eprintln!("  postgresql load");
    let thesaurus = orienta_thesaurus::Thesaurus::bundled();
    let mut client = cluster.connect()?;
    let load = pg::load::load(&mut client, &corpus.organisations, &thesaurus)?;
    eprintln!("  postgresql latency");
    let latency = pg::measure(&mut client, &query_set, options.latency_budget)?;
    drop(client);
    let mut throughput = BTreeMap::new();
    for kind in QueryKind::ALL {
        eprintln!("  postgresql throughput: {kind}");
        throughput.insert(kind, pg_load_pinned(options, cluster.port, kind)?);
    }
    machine::unpin_current_thread();
    let memory_bytes = machine::tree_pss_bytes(cluster.pid);
    let postgres = PostgresSide {
        load,
        latency,
        throughput,
        memory_bytes,
    };

    let http = run_http(options, &index.root, &query_set).map_err(|error| format!("{error:#}"));
    if let Err(reason) = &http {
        eprintln!("  http run skipped: {reason}");
    }
    Ok(SizeReport {
        size,
        organisations: corpus.organisations.len(),
        generate_s: corpus.generate_time.as_secs_f64(),
        ingest_s: corpus.ingest_time.as_secs_f64(),
        index,
        orienta,
        orienta_api_budget,
        reader_rss_bytes,
        postgres,
        http,
    })
}

/// Runs `orienta-bench pg-load` pinned to the load core and reads its JSON answer.
fn pg_load_pinned(options: &PeerOptions, port: u16, kind: QueryKind) -> anyhow::Result<LoadResult> {
    let myself = std::env::current_exe().context("cannot find the orienta-bench binary")?;
    let output = Command::new("taskset")
        .arg("-c")
        .arg(options.load_core.to_string())
        .arg(myself)
        .args([
            "pg-load",
            "--port",
            &port.to_string(),
            "--kind",
            kind.slug(),
        ])
        .args(["--connections", &options.connections.to_string()])
        .args(["--seconds", &options.load_duration.as_secs().to_string()])
        .args(["--per-kind", &options.per_kind.to_string()])
        .output()
        .context("cannot run the postgresql load generator")?;
    anyhow::ensure!(
        output.status.success(),
        "postgresql load generator failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).context("unreadable load generator answer")
}

/// The `pg-load` subcommand: `connections` clients on one kind, JSON on stdout.
pub fn pg_load_command(
    port: u16,
    kind: QueryKind,
    connections: usize,
    duration: Duration,
    per_kind: usize,
) -> anyhow::Result<()> {
    let query_set = queries::of_kind(&queries::mixed_set(per_kind, QUERY_SEED), kind);
    let result = pg::hammer(port, &query_set, connections, duration)?;
    println!("{}", serde_json::to_string(&result)?);
    Ok(())
}

fn run_http(
    options: &PeerOptions,
    root: &Path,
    query_set: &[queries::QuerySpec],
) -> anyhow::Result<HttpSide> {
    anyhow::ensure!(
        options.orienta_binary.exists(),
        "{} not found (cargo build --release)",
        options.orienta_binary.display()
    );
    let server = http::Server::start(&options.orienta_binary, root, options.server_core)?;
    let script = options.work_dir.join("wrk-queries.lua");
    let mut throughput = BTreeMap::new();
    for kind in QueryKind::ALL {
        eprintln!("  orienta http throughput: {kind}");
        let kind_queries = queries::of_kind(query_set, kind);
        let result = http::run_wrk(
            &server.address,
            &script,
            &kind_queries,
            options.connections,
            options.load_duration,
            options.load_core,
        )?;
        throughput.insert(kind, result);
    }
    let memory_bytes = machine::tree_pss_bytes(server.pid());
    Ok(HttpSide {
        throughput,
        memory_bytes,
    })
}
