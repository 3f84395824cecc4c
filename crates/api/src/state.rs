//! What every request shares: the index handle, reference data, keys, caches and metrics.

use crate::cache::ResponseCache;
use crate::catalogue::Catalogue;
use crate::client_ip::TrustedProxies;
use crate::config::{ConfigError, ServerConfig};
use crate::error::ApiError;
use crate::keys::Keys;
use crate::metrics::Metrics;
use crate::territories::TerritoryLayers;
use actix_extensible_rate_limit::backend::memory::InMemoryBackend;
use orienta_search::{IndexHandle, SearchIndex};
use orienta_territory::places::Geocoder;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// What `POST /v1/admin/reindex` asks of a reindex.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReindexRequest {
    /// Publish even when the new version would lose more records than the guard allows.
    pub allow_shrink: bool,
}

/// Why a reindex published nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReindexFailure {
    /// Stable snake_case code (`nothing_read`, `would_shrink`, `index_locked`,
    /// `index_error`, `reindex_failed`).
    pub code: String,
    /// What happened and what to do.
    pub message: String,
}

/// Re-ingests the configured sources and publishes a new index version.
///
/// The binary supplies it (it knows the sources); the API calls it from a background
/// thread on `POST /v1/admin/reindex`, then switches to the new version.
pub trait Reindexer: Send + Sync + 'static {
    /// Runs the import and the index build; returns the new version's name.
    fn reindex(&self) -> Result<String, String>;

    /// Runs a reindex as `request` asks; by default [`Reindexer::reindex`], its failures
    /// coded `reindex_failed`.
    fn reindex_with(&self, request: &ReindexRequest) -> Result<String, ReindexFailure> {
        let _ = request;
        self.reindex().map_err(|message| ReindexFailure {
            code: "reindex_failed".to_owned(),
            message,
        })
    }
}

impl<F> Reindexer for F
where
    F: Fn() -> Result<String, String> + Send + Sync + 'static,
{
    fn reindex(&self) -> Result<String, String> {
        self()
    }
}

/// The state of the last reindex.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReindexStatus {
    /// True while one runs.
    pub running: bool,
    /// When the last one started (RFC 3339).
    pub started_at: Option<String>,
    /// When the last one finished (RFC 3339).
    pub finished_at: Option<String>,
    /// The version it published.
    pub version: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
    /// Stable code of the failure (see [`ReindexFailure::code`]).
    pub error_code: Option<String>,
}

/// Shared application state. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: ServerConfig,
    proxies: TrustedProxies,
    index: IndexHandle,
    thesaurus: Arc<Thesaurus>,
    tagger: Arc<Tagger>,
    keys: Keys,
    reindexer: OnceLock<Arc<dyn Reindexer>>,
    reindex: Mutex<ReindexStatus>,
    metrics: Metrics,
    cache: ResponseCache,
    territories: OnceLock<TerritoryLayers>,
    /// The local geocoder, built on first use (about half a second).
    geocoder: OnceLock<Geocoder>,
    catalogue: Mutex<Option<Arc<Catalogue>>>,
    offer: Mutex<Option<Arc<crate::offer::table::OfferTable>>>,
    rate_backend: OnceLock<InMemoryBackend>,
}

impl AppState {
    /// Builds the state; fails when a partner key's fixed filters are invalid.
    pub fn new(
        config: &ServerConfig,
        index: IndexHandle,
        thesaurus: Arc<Thesaurus>,
        tagger: Arc<Tagger>,
    ) -> Result<Self, ConfigError> {
        let keys = Keys::new(config, &thesaurus)?;
        let proxies = TrustedProxies::from_config(&config.rate_limit)?;
        Ok(Self {
            inner: Arc::new(Inner {
                config: config.clone(),
                proxies,
                index,
                thesaurus,
                tagger,
                keys,
                reindexer: OnceLock::new(),
                reindex: Mutex::new(ReindexStatus::default()),
                metrics: Metrics::new(),
                cache: ResponseCache::new(
                    config.cache.response_cache_entries,
                    config.cache.response_cache_bytes,
                    Duration::from_secs(config.cache.search_max_age_seconds),
                ),
                territories: OnceLock::new(),
                geocoder: OnceLock::new(),
                catalogue: Mutex::new(None),
                offer: Mutex::new(None),
                rate_backend: OnceLock::new(),
            }),
        })
    }

    /// Adds the reindexer behind `POST /v1/admin/reindex` (only the first one counts).
    pub fn with_reindexer(self, reindexer: impl Reindexer) -> Self {
        let _ = self.inner.reindexer.set(Arc::new(reindexer));
        self
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// Records last updated before this day are stale (today in Brussels minus
    /// `stale_after_years`).
    pub fn stale_before(&self) -> chrono::NaiveDate {
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::Brussels)
            .date_naive();
        crate::views::notices::stale_before(today, self.inner.config.stale_after_years)
    }

    /// The reverse proxies whose `X-Forwarded-For` is read (client IP of rate limits and logs).
    pub fn trusted_proxies(&self) -> &TrustedProxies {
        &self.inner.proxies
    }

    /// The index handle.
    pub fn index_handle(&self) -> &IndexHandle {
        &self.inner.index
    }

    /// The index version serving now.
    pub fn index(&self) -> Arc<SearchIndex> {
        self.inner.index.get()
    }

    /// The thesaurus.
    pub fn thesaurus(&self) -> &Thesaurus {
        &self.inner.thesaurus
    }

    /// The territory tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.inner.tagger
    }

    /// The API keys.
    pub fn keys(&self) -> &Keys {
        &self.inner.keys
    }

    /// The reindexer, when the binary supplied one.
    pub fn reindexer(&self) -> Option<Arc<dyn Reindexer>> {
        self.inner.reindexer.get().cloned()
    }

    /// The local geocoder of `/v1/places` and `place=`.
    pub fn geocoder(&self) -> &Geocoder {
        self.inner
            .geocoder
            .get_or_init(|| Geocoder::new(self.tagger()))
    }

    /// The reindex status, locked.
    pub fn reindex_status(&self) -> std::sync::MutexGuard<'_, ReindexStatus> {
        self.inner
            .reindex
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The metrics' text exposition, with the serving version and the cache as they are now.
    pub fn metrics_text(&self) -> String {
        let index = self.index();
        let cache = self.cache();
        let counts = cache.counts();
        let snapshot = crate::metrics::Snapshot {
            version: index.version(),
            documents: index.num_docs(),
            organisations: orienta_search::versions::read_manifest(index.directory())
                .map(|manifest| manifest.organisations),
            cache_hits: counts.hits,
            cache_misses: counts.misses,
            cache_entries: cache.len(),
            cache_bytes: cache.weight(),
        };
        self.metrics().render(&snapshot)
    }

    /// The metrics registry.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The search response cache.
    pub fn cache(&self) -> &ResponseCache {
        &self.inner.cache
    }

    /// The territory layers with bilingual properties, built on first use.
    pub fn territories(&self) -> &TerritoryLayers {
        self.inner
            .territories
            .get_or_init(|| TerritoryLayers::new(&self.inner.tagger))
    }

    /// The rate-limit store shared by every worker, made on first use (inside a runtime).
    pub(crate) fn rate_backend(&self) -> InMemoryBackend {
        self.inner
            .rate_backend
            .get_or_init(|| InMemoryBackend::builder().build())
            .clone()
    }

    /// The catalogue (ids and modification times) of the serving version, built on first use.
    pub fn catalogue(&self, index: &SearchIndex) -> Result<Arc<Catalogue>, ApiError> {
        let version = index.version();
        let mut slot = self
            .inner
            .catalogue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(catalogue) = slot
            .as_ref()
            .filter(|catalogue| catalogue.version == version)
        {
            return Ok(catalogue.clone());
        }
        let catalogue = Arc::new(Catalogue::build(index, self.inner.index.root(), &version)?);
        *slot = Some(catalogue.clone());
        Ok(catalogue)
    }

    /// The offer of every territory in the serving version, counted on first use.
    pub fn offer_table(
        &self,
        index: &SearchIndex,
    ) -> Result<Arc<crate::offer::table::OfferTable>, ApiError> {
        let version = index.version();
        let mut slot = self
            .inner
            .offer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(table) = slot.as_ref().filter(|table| table.version == version) {
            return Ok(table.clone());
        }
        let organisations = index.organisations().map_err(ApiError::index)?;
        let table = Arc::new(crate::offer::table::OfferTable::build(
            version,
            &organisations,
            self.tagger(),
            self.thesaurus(),
        ));
        *slot = Some(table.clone());
        Ok(table)
    }
}
