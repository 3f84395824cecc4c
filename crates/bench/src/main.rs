//! `orienta-bench`: Orienta's search measured in-process (`search`) and side by side with
//! PostgreSQL 15 + PostGIS and over HTTP (`peer`). Reports go to `bench-results/`.

mod corpus;
mod http;
mod inprocess;
mod machine;
mod peer;
mod pg;
mod queries;
mod relevance;
mod search_run;
mod stats;
mod table;

use clap::{Parser, Subcommand};

// The same allocator as the `orienta` binary, so in-process numbers match the server.
use orienta_allocator as _;
use queries::QueryKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Orienta's benchmarks.
#[derive(Parser)]
#[command(name = "orienta-bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// In-process latency per query kind, build time, index size and reader memory.
    Search(SearchArgs),
    /// In-process latency per query kind on an index already built (`orienta ingest --index`).
    Latency(LatencyArgs),
    /// Side by side with PostgreSQL 15 + PostGIS: latency, throughput, build, size, memory, nDCG.
    Peer(PeerArgs),
    /// Relevance side by side with PostgreSQL, alone and with the thesaurus as a synonym
    /// expansion: the blind halves and the old judged set (nDCG@10 per kind).
    Relevance(RelevanceArgs),
    /// Internal: PostgreSQL clients on one query kind; prints JSON (run pinned by `peer`).
    #[command(hide = true)]
    PgLoad(PgLoadArgs),
}

/// Options shared by the runs.
#[derive(clap::Args)]
struct Common {
    /// Corpus sizes (records generated), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "5000,100000")]
    sizes: Vec<usize>,
    /// Also run 1,000,000 records.
    #[arg(long)]
    with_1m: bool,
    /// Where corpora and indexes are written.
    #[arg(long, default_value_os_t = std::env::temp_dir().join("orienta-bench"))]
    work_dir: PathBuf,
}

impl Common {
    fn sizes(&self) -> Vec<usize> {
        let mut sizes = self.sizes.clone();
        if self.with_1m && !sizes.contains(&1_000_000) {
            sizes.push(1_000_000);
        }
        sizes
    }
}

#[derive(clap::Args)]
struct SearchArgs {
    #[command(flatten)]
    common: Common,
    /// Queries of each kind in the mixed set.
    #[arg(long, default_value_t = search_run::QUERIES_PER_KIND)]
    per_kind: usize,
    /// Report file.
    #[arg(long, default_value = "bench-results/search.md")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct LatencyArgs {
    /// The index root (as given to `orienta ingest --index`).
    #[arg(long)]
    index: PathBuf,
    /// Queries of each kind in the mixed set.
    #[arg(long, default_value_t = search_run::QUERIES_PER_KIND)]
    per_kind: usize,
    /// Passes over the query set.
    #[arg(long, default_value_t = 1)]
    rounds: usize,
    /// Also list this many slowest queries (lean budget).
    #[arg(long, default_value_t = 0)]
    slowest: usize,
    /// Only queries of this kind (`text`, `text_bassin`, `text_radius`, `language`, `facets`).
    #[arg(long, value_parser = parse_kind)]
    kind: Option<QueryKind>,
}

#[derive(clap::Args)]
struct PeerArgs {
    #[command(flatten)]
    common: Common,
    /// Queries of each kind for the latency runs.
    #[arg(long, default_value_t = 200)]
    per_kind: usize,
    /// Seconds of each throughput run.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Longest PostgreSQL single-client latency run, seconds (fewer samples when reached).
    #[arg(long, default_value_t = 60)]
    pg_latency_seconds: u64,
    /// Connections of the throughput runs.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// The `orienta` binary served over HTTP.
    #[arg(long, default_value_os_t = repository().join("target/release/orienta"))]
    orienta: PathBuf,
    /// The repository (tests/peer/postgres.sh, tests/relevance/, data/).
    #[arg(long, default_value_os_t = repository())]
    repo: PathBuf,
    /// Report file.
    #[arg(long, default_value = "bench-results/peer.md")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct RelevanceArgs {
    /// Where the indexes and the PostgreSQL cluster are written.
    #[arg(long, default_value_os_t = std::env::temp_dir().join("orienta-bench"))]
    work_dir: PathBuf,
    /// The repository (tests/peer/postgres.sh, tests/relevance/, data/).
    #[arg(long, default_value_os_t = repository())]
    repo: PathBuf,
    /// Report file.
    #[arg(long, default_value = "bench-results/relevance.md")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct PgLoadArgs {
    #[arg(long)]
    port: u16,
    #[arg(long, value_parser = parse_kind)]
    kind: QueryKind,
    #[arg(long, default_value_t = 64)]
    connections: usize,
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    #[arg(long, default_value_t = 200)]
    per_kind: usize,
}

fn parse_kind(slug: &str) -> Result<QueryKind, String> {
    QueryKind::from_slug(slug).ok_or_else(|| format!("unknown query kind `{slug}`"))
}

/// The repository this binary was built from.
fn repository() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .map_or(manifest.clone(), Path::to_path_buf)
}

/// A TCP port free on 127.0.0.1 right now.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Search(args) => {
            let report =
                search_run::run(&args.common.work_dir, &args.common.sizes(), args.per_kind)?;
            write_report(&args.out, &report)
        }
        Command::Latency(args) => {
            let report = search_run::latency(
                &args.index,
                args.per_kind,
                args.rounds,
                args.slowest,
                args.kind,
            )?;
            println!("{report}");
            Ok(())
        }
        Command::Peer(args) => {
            let options = peer::PeerOptions {
                repository: args.repo,
                work_dir: args.common.work_dir.clone(),
                sizes: args.common.sizes(),
                orienta_binary: args.orienta,
                per_kind: args.per_kind,
                latency_budget: Duration::from_secs(args.pg_latency_seconds),
                load_duration: Duration::from_secs(args.seconds),
                connections: args.connections,
                server_core: 0,
                load_core: 1,
            };
            let report = peer::run(&options)?;
            write_report(&args.out, &report)
        }
        Command::Relevance(args) => {
            let report = peer::relevance_command(&args.repo, &args.work_dir)?;
            println!("{report}");
            write_report(&args.out, &report)
        }
        Command::PgLoad(args) => peer::pg_load_command(
            args.port,
            args.kind,
            args.connections,
            Duration::from_secs(args.seconds),
            args.per_kind,
        ),
    }
}

/// Prints the report and writes it to `path`.
fn write_report(path: &Path, report: &str) -> anyhow::Result<()> {
    println!("{report}");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, report)?;
    eprintln!("report written to {}", path.display());
    Ok(())
}
