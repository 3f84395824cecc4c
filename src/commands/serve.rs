//! `orienta serve`: the API, the page and the widget (wired once the API crate lands).

use std::path::PathBuf;

/// Arguments of `orienta serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Index root directory; built from the bundled data when empty.
    #[arg(long, default_value = "index", env = "ORIENTA_INDEX")]
    index: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "ORIENTA_BIND")]
    bind: String,
}

/// Runs the server.
pub fn run(_args: Args) -> anyhow::Result<()> {
    anyhow::bail!("the server is not wired yet")
}

/// Prints the OpenAPI specification.
pub fn print_openapi() -> anyhow::Result<()> {
    anyhow::bail!("the OpenAPI specification is not wired yet")
}
