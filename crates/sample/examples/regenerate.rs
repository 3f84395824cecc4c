//! Regenerates the bundled sample set:
//! `cargo run --release -p orienta-sample --example regenerate -- [count] [seed] [out]`
//! (defaults: 5000, 20261127, data/sample/social_brussels_sample.ndjson).

use std::fs::File;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .and_then(|text| text.parse().ok())
        .unwrap_or(5_000);
    let seed: u64 = args
        .next()
        .and_then(|text| text.parse().ok())
        .unwrap_or(20_261_127);
    let out = args
        .next()
        .unwrap_or_else(|| "data/sample/social_brussels_sample.ndjson".into());
    let started = Instant::now();
    let summary = orienta_sample::write_ndjson(File::create(&out)?, count, seed)?;
    let seconds = started.elapsed().as_secs_f64();
    println!("{out}: {summary:?}");
    println!(
        "{:.2} s, {:.0} records/s",
        seconds,
        summary.records as f64 / seconds
    );
    Ok(())
}
