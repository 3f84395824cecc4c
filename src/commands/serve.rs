//! `orienta serve`: the API, the web page and the partner widget in one server.

use anyhow::Context;
use orienta_api::{AppState, ReindexFailure, ReindexRequest, Reindexer, ServerConfig};
use orienta_ingest::IngestContext;
use orienta_publish::PublishOptions;
use orienta_search::repair::Repair;
use orienta_search::{versions, IndexHandle, LockWait};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
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

fn ensure_index(
    index_root: &Path,
    sources: &[String],
    context: &IngestContext<'_>,
) -> anyhow::Result<()> {
    match orienta_publish::repair_at_start(index_root) {
        Ok(Some(repair)) if repair != Repair::default() => {
            eprintln!(
                "index {} repaired after a crash: {repair:?}",
                index_root.display()
            );
        }
        Ok(_) => {}
        // A read-only replica cannot lock or repair: the writer repairs when it publishes.
        Err(error) => {
            tracing::warn!(%error, index = %index_root.display(), "cannot check the index for repairs")
        }
    }
    let serving = versions::current_dir(index_root);
    let incompatible = serving
        .as_deref()
        .and_then(versions::read_manifest)
        .and_then(|manifest| manifest.incompatibility());
    match (serving, incompatible) {
        (Some(_), None) => return Ok(()),
        (Some(_), Some(reason)) => eprintln!(
            "index {} cannot be served ({reason}): rebuilding it from {} source(s) first…",
            index_root.display(),
            sources.len()
        ),
        (None, _) => eprintln!(
            "no index in {}: building one from {} source(s) first (the bundled data set unless --source is given)…",
            index_root.display(),
            sources.len()
        ),
    }
    let options = PublishOptions {
        lock_wait: LockWait::Wait,
        ..PublishOptions::default()
    };
    let outcome = super::ingest::publish(sources, context, index_root, &options, false)?;
    super::ingest::print_summary(&outcome.report);
    Ok(())
}

/// The reindexer behind `POST /v1/admin/reindex`: the guarded import of the configured
/// sources, with the server's tagger and thesaurus.
struct SourcesReindexer {
    sources: Vec<String>,
    index_root: PathBuf,
    tagger: Arc<Tagger>,
    thesaurus: Arc<Thesaurus>,
}

impl Reindexer for SourcesReindexer {
    fn reindex(&self) -> Result<String, String> {
        self.reindex_with(&ReindexRequest::default())
            .map_err(|failure| failure.message)
    }

    fn reindex_with(&self, request: &ReindexRequest) -> Result<String, ReindexFailure> {
        let context = IngestContext::new(&self.tagger, &self.thesaurus);
        let options = PublishOptions {
            allow_shrink: request.allow_shrink,
            ..PublishOptions::default()
        };
        let outcome =
            super::ingest::publish(&self.sources, &context, &self.index_root, &options, false)
                .map_err(|error| ReindexFailure {
                    code: error.code().to_owned(),
                    message: error.to_string(),
                })?;
        Ok(outcome
            .build
            .map(|build| build.manifest.version)
            .unwrap_or_default())
    }
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
    let (tagger, thesaurus) = super::ingest::load_tagger_and_thesaurus(&data_dir);
    let thesaurus = Arc::new(thesaurus);
    let tagger = Arc::new(tagger.context("cannot load the territory layers")?);
    ensure_index(
        &config.index,
        &sources,
        &IngestContext::new(&tagger, &thesaurus),
    )?;

    let handle = IndexHandle::open(&config.index, thesaurus.clone())?;
    let reindexer = SourcesReindexer {
        sources,
        index_root: config.index.clone(),
        tagger: tagger.clone(),
        thesaurus: thesaurus.clone(),
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
