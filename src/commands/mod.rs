//! One module per subcommand.

pub mod harvest;
pub mod ingest;
pub mod sample;
pub mod search;
pub mod serve;
pub mod tag;

use orienta_api::logging::{NotParserRejection, ParserRejectionsAsWarn};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Sets up `tracing` output on stderr: text, or JSON lines with `--log-json`. Requests the
/// HTTP parser rejects (logged at ERROR by actix-http) are written at WARN.
pub fn init_logging(json: bool) {
    let filter = EnvFilter::try_from_env("ORIENTA_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let output = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let output = if json {
        output.json().with_filter(NotParserRejection).boxed()
    } else {
        output.with_filter(NotParserRejection).boxed()
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(ParserRejectionsAsWarn::new(json, std::io::stderr))
        .with(output)
        .init();
}
