//! Import and publish in one guarded step, for the CLI (`orienta ingest`) and the API's
//! reindexer alike.
//!
//! [`ingest_and_index`] takes the writer lock of the index root, repairs what a crash may
//! have left ([`orienta_search::repair`]), imports the sources, checks the result with the
//! publishing guard ([`guard`]) and only then builds and publishes a new version. When the
//! guard refuses, nothing in the index root changes.
#![deny(missing_docs)]

pub mod guard;

use orienta_ingest::{ingest, IngestContext, IngestReport, ProgressEvent};
use orienta_model::Organisation;
use orienta_search::repair::{self, Repair};
use orienta_search::{BuildSummary, IndexLock, LockWait, SearchError};
use std::path::Path;

pub use guard::DEFAULT_MAX_SHRINK;

/// How to publish.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublishOptions {
    /// Largest share (0–1) of the serving version's records a new version may lose.
    pub max_shrink: f64,
    /// Publish even when more than `max_shrink` of the records would go.
    pub allow_shrink: bool,
    /// Wait for another writer to finish instead of failing.
    pub lock_wait: LockWait,
    /// Only import and report: no lock, no build.
    pub no_index: bool,
}

impl Default for PublishOptions {
    fn default() -> Self {
        Self {
            max_shrink: DEFAULT_MAX_SHRINK,
            allow_shrink: false,
            lock_wait: LockWait::Fail,
            no_index: false,
        }
    }
}

/// Why nothing was published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// No source could be read, or no record was accepted.
    #[error("nothing published: {reason}")]
    NothingRead {
        /// What went wrong, source by source.
        reason: String,
    },
    /// The new version would lose too many of the serving version's records.
    #[error(
        "nothing published: {lost} of the {serving} records served now would go (the new version has {new}; at most {allowed_percent:.0} % may go). \
         If this is intended, pass --allow-shrink (CLI) or allow_shrink=true (POST /v1/admin/reindex)"
    )]
    WouldShrink {
        /// Records of the serving version.
        serving: usize,
        /// Records of the new version.
        new: usize,
        /// Serving records missing from the new version.
        lost: usize,
        /// The allowed share, in percent.
        allowed_percent: f64,
    },
    /// The index could not be locked, repaired, built or published.
    #[error(transparent)]
    Index(#[from] SearchError),
}

impl PublishError {
    /// A stable snake_case code: `nothing_read`, `would_shrink`, `index_locked` or
    /// `index_error`.
    pub fn code(&self) -> &'static str {
        match self {
            PublishError::NothingRead { .. } => "nothing_read",
            PublishError::WouldShrink { .. } => "would_shrink",
            PublishError::Index(SearchError::Locked { .. }) => "index_locked",
            PublishError::Index(_) => "index_error",
        }
    }
}

/// What an import-and-publish run produced.
pub struct Published {
    /// The import report.
    pub report: IngestReport,
    /// The published version, unless `no_index`.
    pub build: Option<BuildSummary>,
    /// The imported organisations (the caller decides when to free them).
    pub organisations: Vec<Organisation>,
}

/// Imports `sources` and, unless `options.no_index`, publishes a new version under
/// `index_root`: lock → repair → import → guard → build → publish.
pub fn ingest_and_index(
    sources: &[String],
    context: &IngestContext<'_>,
    index_root: &Path,
    options: &PublishOptions,
    progress: &dyn Fn(ProgressEvent),
) -> Result<Published, PublishError> {
    let lock = if options.no_index {
        None
    } else {
        let lock = IndexLock::acquire(index_root, options.lock_wait)?;
        repair::repair(&lock)?;
        Some(lock)
    };
    let outcome = ingest(sources, context, progress);
    guard::check_read(&outcome.report, outcome.organisations.len())?;
    let Some(lock) = lock else {
        return Ok(Published {
            report: outcome.report,
            build: None,
            organisations: outcome.organisations,
        });
    };
    guard::check_shrink(index_root, &outcome.organisations, options)?;
    let build = orienta_search::build_version_locked(
        &lock,
        &outcome.organisations,
        context.thesaurus,
        sources,
    )?;
    Ok(Published {
        report: outcome.report,
        build: Some(build),
        organisations: outcome.organisations,
    })
}

/// Repairs `index_root` at a server's start, unless a writer holds the lock (it repairs
/// when it publishes). Returns what was done, `None` when skipped.
pub fn repair_at_start(index_root: &Path) -> Result<Option<Repair>, SearchError> {
    if !index_root.is_dir() {
        return Ok(None);
    }
    match IndexLock::acquire(index_root, LockWait::Fail) {
        Ok(lock) => repair::repair(&lock).map(Some),
        Err(SearchError::Locked { holder, .. }) => {
            tracing::info!(index = %index_root.display(), %holder, "an import is running: it repairs the index when it publishes");
            Ok(None)
        }
        Err(error) => Err(error),
    }
}
