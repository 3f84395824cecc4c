//! `orienta harvest`: a local snapshot of the social.brussels REST API.

use anyhow::Context;
use orienta_ingest::harvest::{harvest, HarvestOptions};
use std::path::PathBuf;

/// Arguments of `orienta harvest`.
#[derive(clap::Args)]
pub struct Args {
    /// Base URL of the API, e.g. https://social.brussels.
    base_url: String,
    /// Output directory (organisations.ndjson + manifest.json).
    #[arg(long)]
    out: PathBuf,
    /// Fetch at most this many organisations.
    #[arg(long)]
    limit: Option<usize>,
}

/// Runs the harvest and prints its summary.
pub fn run(args: Args) -> anyhow::Result<()> {
    let options = HarvestOptions {
        limit: args.limit,
        ..HarvestOptions::default()
    };
    let summary = harvest(&args.base_url, &args.out, &options)
        .with_context(|| format!("harvest of {} failed", args.base_url))?;
    println!(
        "listed {} · fetched {} · deleted {} · failed {} → {}",
        summary.listed,
        summary.fetched,
        summary.deleted,
        summary.failed,
        summary.records_path.display()
    );
    Ok(())
}
