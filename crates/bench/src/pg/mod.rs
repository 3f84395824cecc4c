//! PostgreSQL 15 + PostGIS as the peer: a private cluster (tests/peer/postgres.sh), the
//! corpus loaded with the same text, and the query set run over prepared statements.

pub mod judged;
pub mod load;
pub mod query;

use crate::queries::QuerySpec;
use crate::stats::{Measured, Percentiles, Recorder, Samples};
use anyhow::Context;
use postgres::{Client, NoTls};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A running private cluster, stopped when dropped.
pub struct Cluster {
    script: PathBuf,
    data_dir: PathBuf,
    /// TCP port on 127.0.0.1.
    pub port: u16,
    /// Process id of the postmaster.
    pub pid: u32,
}

impl Cluster {
    /// Installs PostgreSQL + PostGIS when missing and starts a cluster in `data_dir`, its
    /// processes pinned to core `core`.
    pub fn start(script: &Path, data_dir: &Path, core: usize) -> anyhow::Result<Self> {
        run_script(script, &["install"], core)?;
        let port = crate::free_port()?;
        let data = data_dir.display().to_string();
        run_script(script, &["start", &data, &port.to_string()], core)?;
        let pid_file = std::fs::read_to_string(data_dir.join("postmaster.pid"))
            .context("postgresql started without a postmaster.pid")?;
        let pid = pid_file
            .lines()
            .next()
            .and_then(|line| line.trim().parse().ok())
            .context("unreadable postmaster.pid")?;
        Ok(Self {
            script: script.to_path_buf(),
            data_dir: data_dir.to_path_buf(),
            port,
            pid,
        })
    }

    /// A new connection.
    pub fn connect(&self) -> anyhow::Result<Client> {
        connect(self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data_dir.display().to_string();
        if let Err(error) = run_script(&self.script, &["stop", &data], 0) {
            eprintln!("cannot stop postgresql: {error}");
        }
    }
}

fn run_script(script: &Path, arguments: &[&str], core: usize) -> anyhow::Result<()> {
    let status = Command::new("bash")
        .arg(script)
        .args(arguments)
        .env("PG_CORE", core.to_string())
        .status()
        .with_context(|| format!("cannot run {}", script.display()))?;
    anyhow::ensure!(
        status.success(),
        "{} {} failed: {status}",
        script.display(),
        arguments.join(" ")
    );
    Ok(())
}

/// Connects to the `postgres` database of the cluster on `port` as `postgres`.
pub fn connect(port: u16) -> anyhow::Result<Client> {
    connect_to(port, "postgres")
}

/// Connects to database `database` of the cluster on `port` as `postgres`.
pub fn connect_to(port: u16, database: &str) -> anyhow::Result<Client> {
    let config = format!("host=127.0.0.1 port={port} user=postgres dbname={database}");
    Client::connect(&config, NoTls).context("cannot connect to postgresql")
}

/// Per-kind latencies of one client running the queries one after the other (after a
/// warm-up pass over the first 100), stopping early when `budget` is spent (the set is
/// interleaved, so every kind keeps a share of the samples).
pub fn measure(
    client: &mut Client,
    queries: &[QuerySpec],
    budget: Duration,
) -> anyhow::Result<Measured> {
    let prepared = query::Prepared::new(client)?;
    for query in queries.iter().take(100) {
        prepared.run(client, query)?;
    }
    let started_all = Instant::now();
    let mut recorder = Recorder::default();
    for query in queries {
        if started_all.elapsed() > budget {
            break;
        }
        let started = Instant::now();
        let answer = prepared.run(client, query)?;
        recorder.record(query.kind, started.elapsed(), answer.total as f64);
    }
    Ok(recorder.finish())
}

/// Throughput and latency of `connections` clients hammering one kind for `duration`.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct LoadResult {
    /// Requests completed.
    pub requests: u64,
    /// Requests per second.
    pub per_second: f64,
    /// Latencies under load.
    pub latency: Percentiles,
}

/// Runs `connections` threads, each with its own connection and prepared statements,
/// cycling through `queries` for `duration`.
pub fn hammer(
    port: u16,
    queries: &[QuerySpec],
    connections: usize,
    duration: Duration,
) -> anyhow::Result<LoadResult> {
    let stop = Arc::new(AtomicBool::new(false));
    let queries = Arc::new(queries.to_vec());
    let mut clients = Vec::with_capacity(connections);
    for _ in 0..connections {
        let mut client = connect(port)?;
        let prepared = query::Prepared::new(&mut client)?;
        clients.push((client, prepared));
    }
    let barrier = Arc::new(std::sync::Barrier::new(connections + 1));
    let workers: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(worker, (mut client, prepared))| {
            let stop = stop.clone();
            let queries = queries.clone();
            let barrier = barrier.clone();
            std::thread::spawn(move || -> anyhow::Result<Samples> {
                let mut samples = Samples::default();
                barrier.wait();
                let mut position = worker * 7;
                while !stop.load(Ordering::Relaxed) {
                    let query = &queries[position % queries.len()];
                    let started = Instant::now();
                    prepared.run(&mut client, query)?;
                    samples.push(started.elapsed());
                    position += 1;
                }
                Ok(samples)
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    std::thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let mut all = Samples::default();
    for worker in workers {
        let samples = worker
            .join()
            .map_err(|_| anyhow::anyhow!("a load thread panicked"))??;
        all.extend(samples);
    }
    let elapsed = started.elapsed().as_secs_f64();
    Ok(LoadResult {
        requests: all.len() as u64,
        per_second: all.len() as f64 / elapsed,
        latency: all.percentiles(),
    })
}
