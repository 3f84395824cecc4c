//! `orienta serve`: the API, the web page and the partner widget in one server.

use anyhow::Context;
use orienta_api::{AppState, ServerConfig};
use orienta_search::{versions, IndexHandle};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Arguments of `orienta serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Index root directory; built from the bundled data when it holds no index
    /// (default `index`, or `ORIENTA_INDEX`, or the config file's `index`).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Address to listen on (default 127.0.0.1:8080, or `ORIENTA_BIND`).
    #[arg(long)]
    bind: Option<String>,
    /// Configuration file (TOML); `ORIENTA_*` variables override it.
    #[arg(long, env = "ORIENTA_CONFIG")]
    config: Option<PathBuf>,
    /// Data directory (bundled data, optional QSS table).
    #[arg(long, env = "ORIENTA_DATA")]
    data: Option<PathBuf>,
    /// Sources re-ingested by `POST /v1/admin/reindex` (default: the bundled data set).
    #[arg(long = "source")]
    sources: Vec<String>,
}

fn ensure_index(index_root: &Path, sources: &[String], data_dir: &Path) -> anyhow::Result<()> {
    if versions::current_version(index_root).is_some() {
        return Ok(());
    }
    eprintln!(
        "no index in {}: building one from {} source(s) first (the bundled data set unless --source is given)…",
        index_root.display(),
        sources.len()
    );
    let outcome = super::ingest::ingest_and_index(sources, index_root, data_dir, false, false)?;
    super::ingest::print_summary(&outcome.report);
    Ok(())
}

/// Runs the server until SIGINT/SIGTERM.
pub fn run(args: Args) -> anyhow::Result<()> {
    let mut config = ServerConfig::load(args.config.as_deref()).context("invalid configuration")?;
    if let Some(index) = args.index {
        config.index = index;
    }
    if let Some(bind) = args.bind {
        config.bind = vec![bind];
    }
    let data_dir = crate::data::data_dir(args.data.as_deref());
    let sources = if args.sources.is_empty() {
        crate::data::default_sources(&data_dir)
    } else {
        args.sources.clone()
    };
    ensure_index(&config.index, &sources, &data_dir)?;

    let (tagger, thesaurus) = super::ingest::load_tagger_and_thesaurus(&data_dir);
    let thesaurus = Arc::new(thesaurus);
    let tagger = Arc::new(tagger.context("cannot load the territory layers")?);
    let handle = IndexHandle::open(&config.index, thesaurus.clone())?;
    let reindex_root = config.index.clone();
    let reindexer = move || -> Result<String, String> {
        let outcome =
            super::ingest::ingest_and_index(&sources, &reindex_root, &data_dir, false, false)
                .map_err(|error| format!("{error:#}"))?;
        Ok(outcome
            .build
            .map(|build| build.manifest.version)
            .unwrap_or_default())
    };
    let state = AppState::new(&config, handle, thesaurus, tagger)?.with_reindexer(reindexer);
    eprintln!(
        "orienta serving on http://{} (page /, API /v1, docs /docs, widget /embed/example)",
        config.bind.join(", http://")
    );
    actix_web::rt::System::new()
        .block_on(orienta_api::run_with(config, state, orienta_web::configure))
        .context("server failed")
}

/// Prints the OpenAPI specification (YAML).
pub fn print_openapi() -> anyhow::Result<()> {
    print!("{}", orienta_api::openapi_yaml());
    Ok(())
}
