//! `orienta sample`: deterministic synthetic social.brussels-shaped records.

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Arguments of `orienta sample`.
#[derive(clap::Args)]
pub struct Args {
    /// Number of organisations.
    #[arg(long, default_value_t = 5000)]
    count: usize,
    /// Random seed (same count and seed → same bytes).
    #[arg(long, default_value_t = 20261127)]
    seed: u64,
    /// Output file (NDJSON); standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Writes the records.
pub fn run(args: Args) -> anyhow::Result<()> {
    let summary = match &args.out {
        Some(path) => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut writer = BufWriter::new(file);
            let summary = orienta_sample::write_ndjson(&mut writer, args.count, args.seed)?;
            writer.flush()?;
            summary
        }
        None => {
            let stdout = std::io::stdout();
            let mut writer = BufWriter::new(stdout.lock());
            let summary = orienta_sample::write_ndjson(&mut writer, args.count, args.seed)?;
            writer.flush()?;
            summary
        }
    };
    eprintln!(
        "wrote {} synthetic records ({} bytes; {} located, {} lambert-only, {} address-only)",
        summary.records, summary.bytes, summary.located, summary.lambert_only, summary.address_only
    );
    Ok(())
}
