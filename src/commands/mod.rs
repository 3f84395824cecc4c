//! One module per subcommand.

pub mod harvest;
pub mod ingest;
pub mod sample;
pub mod search;
pub mod serve;
pub mod tag;

use tracing_subscriber::EnvFilter;

/// Sets up `tracing` output on stderr: text, or JSON lines with `--log-json`.
pub fn init_logging(json: bool) {
    let filter = EnvFilter::try_from_env("ORIENTA_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
