//! The `orienta` command: wires the CLI to the library crates. No logic lives here.

mod commands;
mod data;

use clap::{Parser, Subcommand};

// mimalloc as the global allocator (see the crate).
use orienta_allocator as _;

/// Orienta — the social-health service directory of the Brussels-Capital Region.
#[derive(Parser)]
#[command(name = "orienta", version, about)]
struct Cli {
    /// Log as JSON lines instead of text.
    #[arg(long, global = true, env = "ORIENTA_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import sources (files, directories, URLs), tag them, deduplicate and build a new index version.
    Ingest(commands::ingest::Args),
    /// Serve the API, the web page and the partner widget.
    Serve(commands::serve::Args),
    /// Search the index from the command line.
    Search(commands::search::Args),
    /// Print the territory (commune, quartier, bassin) of a point.
    Tag(commands::tag::Args),
    /// Write synthetic social.brussels-shaped sample records (NDJSON).
    Sample(commands::sample::Args),
    /// Harvest the social.brussels REST API into a local snapshot the importer reads.
    Harvest(commands::harvest::Args),
    /// Print the OpenAPI specification (YAML).
    Openapi,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    commands::init_logging(cli.log_json);
    match cli.command {
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Search(args) => commands::search::run(args),
        Command::Tag(args) => commands::tag::run(args),
        Command::Sample(args) => commands::sample::run(args),
        Command::Harvest(args) => commands::harvest::run(args),
        Command::Openapi => commands::serve::print_openapi(),
    }
}
