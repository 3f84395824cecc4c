//! Server configuration: a TOML file, then `ORIENTA_*` environment variables on top.
//!
//! Every field has a default, so an empty file (or none) gives a working server:
//!
//! ```toml
//! bind = ["127.0.0.1:8080"]       # ORIENTA_BIND (comma-separated)
//! index = "data/index"            # ORIENTA_INDEX
//! workers = 4                     # ORIENTA_WORKERS (default: one per core)
//! public_url = "https://orienta.example"   # ORIENTA_PUBLIC_URL, used in HSDS links
//! allowed_hosts = ["orienta.example"]     # without public_url: Host values links may use
//! index_watch_seconds = 10        # ORIENTA_INDEX_WATCH_SECONDS (0 = never)
//! stale_after_years = 3           # ORIENTA_STALE_AFTER_YEARS: older records carry a warning
//!
//! [limits]
//! max_body_bytes = 65536          # ORIENTA_MAX_BODY_BYTES
//! max_query_bytes = 4096          # ORIENTA_MAX_QUERY_BYTES (longer query strings: 414)
//! request_deadline_ms = 5000      # ORIENTA_REQUEST_DEADLINE_MS
//! client_request_timeout_ms = 5000
//! blocking_threads_per_worker = 2 # searches running at once per worker
//! keep_alive_seconds = 15
//! shutdown_timeout_seconds = 20
//!
//! [rate_limit]
//! enabled = true                  # ORIENTA_RATE_LIMIT_ENABLED
//! requests = 1200                 # ORIENTA_RATE_LIMIT (per window and client IP)
//! window_seconds = 60
//! trusted_proxies = ["127.0.0.1/32"] # peers whose X-Forwarded-For is read (CIDR blocks)
//! trust_forwarded_for = false     # true without trusted_proxies: trust loopback only
//!
//! [cache]
//! search_max_age_seconds = 60
//! reference_max_age_seconds = 3600
//! response_cache_entries = 2048   # ORIENTA_RESPONSE_CACHE (0 = off), expected entries
//! response_cache_bytes = 67108864 # ORIENTA_RESPONSE_CACHE_BYTES (0 = off), the bound
//!
//! [[partner_keys]]
//! name = "cass-sud"
//! key = "…"                       # sent as X-Api-Key (?api_key= deprecated)
//! rate_limit = 6000               # per window, instead of the per-IP limit
//! bassins = ["sud"]               # fixed filters, always applied to searches
//!
//! [[admin_keys]]
//! name = "ops"
//! key = "…"                       # or ORIENTA_ADMIN_KEYS=name:key,name:key
//! ```

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The server configuration (also exported as [`Config`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Addresses to listen on.
    pub bind: Vec<String>,
    /// The index root (holding `CURRENT` and the versions).
    pub index: PathBuf,
    /// Worker threads; `None` for one per core.
    pub workers: Option<usize>,
    /// The public base URL, used in HSDS links and the API info (`http://<bind>` when unset).
    pub public_url: Option<String>,
    /// Without `public_url`: the `Host` values links may be built from (others, and
    /// `X-Forwarded-Host`, are never used; links then use the first bound address).
    pub allowed_hosts: Vec<String>,
    /// How often to look for a new index version, seconds (0 = never).
    pub index_watch_seconds: u64,
    /// Request size and time limits.
    pub limits: Limits,
    /// Per-client rate limiting.
    pub rate_limit: RateLimit,
    /// HTTP caching.
    pub cache: Cache,
    /// Allowed CORS origins for GET; `["*"]` for any.
    pub cors_origins: Vec<String>,
    /// Partner keys.
    pub partner_keys: Vec<PartnerKey>,
    /// Admin keys (for `POST /v1/admin/reindex` and the staff view of records).
    pub admin_keys: Vec<AdminKey>,
    /// Records whose sources were last updated longer ago than this carry the `stale`
    /// notice (in the API, the page, the widget and the referral sheet).
    pub stale_after_years: u32,
}

/// Request size and time limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest request body accepted, bytes.
    pub max_body_bytes: usize,
    /// Longest query string accepted, bytes (longer: `414 query_string_too_long`).
    pub max_query_bytes: usize,
    /// Deadline for the work of one request, milliseconds.
    pub request_deadline_ms: u64,
    /// Time a client has to send its request head, milliseconds.
    pub client_request_timeout_ms: u64,
    /// Searches (and other index work) running at once per worker; more wait their turn.
    pub blocking_threads_per_worker: usize,
    /// Keep-alive, seconds.
    pub keep_alive_seconds: u64,
    /// Time given to running requests on shutdown, seconds.
    pub shutdown_timeout_seconds: u64,
}

/// Per-client rate limiting (fixed window).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimit {
    /// Whether requests are limited at all (turn off for benchmarks).
    pub enabled: bool,
    /// Requests allowed per window and client IP.
    pub requests: u64,
    /// Window length, seconds.
    pub window_seconds: u64,
    /// Trust loopback proxies when `trusted_proxies` is empty (the old switch).
    pub trust_forwarded_for: bool,
    /// Reverse proxies (CIDR blocks) whose `X-Forwarded-For` is read: the client is the
    /// right-most hop that is not one of them, and only when the peer is one of them.
    pub trusted_proxies: Vec<String>,
}

/// HTTP caching.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cache {
    /// `Cache-Control: max-age` of searches and records, seconds.
    pub search_max_age_seconds: u64,
    /// `Cache-Control: max-age` of needs, territories and the specification, seconds.
    pub reference_max_age_seconds: u64,
    /// Search responses expected in the cache (sizing; 0 turns the cache off).
    pub response_cache_entries: usize,
    /// Bytes the response cache may hold, keys and bodies (0 turns the cache off).
    pub response_cache_bytes: u64,
}

/// Fixed filters a partner key applies to every search, on top of the request's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FixedFilters {
    /// Bassin slugs.
    pub bassins: Vec<String>,
    /// Commune NIS codes.
    pub communes: Vec<String>,
    /// Need concept ids.
    pub needs: Vec<String>,
    /// Spoken languages.
    pub languages: Vec<String>,
    /// `include`, `exclude` or `only` synthetic records.
    pub synthetic: Option<String>,
}

impl FixedFilters {
    /// True when the key filters nothing.
    pub fn is_empty(&self) -> bool {
        self == &FixedFilters::default()
    }
}

/// A partner's API key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerKey {
    /// Who holds it (appears in logs and metrics, never the key).
    pub name: String,
    /// The key.
    pub key: String,
    /// Requests per window for this key instead of the per-IP limit.
    #[serde(default)]
    pub rate_limit: Option<u64>,
    /// Filters always applied.
    #[serde(default, flatten)]
    pub filters: FixedFilters,
}

/// An administrator's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminKey {
    /// Who holds it.
    pub name: String,
    /// The key.
    pub key: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: vec!["127.0.0.1:8080".to_owned()],
            index: PathBuf::from("data/index"),
            workers: None,
            public_url: None,
            allowed_hosts: Vec::new(),
            index_watch_seconds: 10,
            limits: Limits::default(),
            rate_limit: RateLimit::default(),
            cache: Cache::default(),
            cors_origins: vec!["*".to_owned()],
            partner_keys: Vec::new(),
            admin_keys: Vec::new(),
            stale_after_years: crate::views::notices::DEFAULT_STALE_AFTER_YEARS,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 64 * 1024,
            max_query_bytes: 4 * 1024,
            request_deadline_ms: 5_000,
            client_request_timeout_ms: 5_000,
            blocking_threads_per_worker: 2,
            keep_alive_seconds: 15,
            shutdown_timeout_seconds: 20,
        }
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        Self {
            enabled: true,
            requests: 1_200,
            window_seconds: 60,
            trust_forwarded_for: false,
            trusted_proxies: Vec::new(),
        }
    }
}

impl Default for Cache {
    fn default() -> Self {
        Self {
            search_max_age_seconds: 60,
            reference_max_age_seconds: 3_600,
            response_cache_entries: 2_048,
            response_cache_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for [`ServerConfig`].
    #[error("invalid config file {path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An environment variable has an unusable value.
    #[error("invalid environment variable {name}: {message}")]
    Env {
        /// The variable.
        name: String,
        /// What is wrong.
        message: String,
    },
}

impl ServerConfig {
    /// Loads `path` (when given) then applies the `ORIENTA_*` environment variables.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let mut config = match path {
            Some(path) => Self::from_file(path)?,
            None => Self::default(),
        };
        config.apply_env(|name| std::env::var(name).ok())?;
        Ok(config)
    }

    /// Reads a TOML file.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: shown.clone(),
            source,
        })?;
        Self::from_toml(&text).map_err(|message| ConfigError::Parse {
            path: shown,
            message,
        })
    }

    /// Parses TOML text.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|error| error.to_string())
    }

    /// Applies environment overrides read through `lookup` (`std::env::var` in production).
    pub fn apply_env(
        &mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        if let Some(bind) = get("ORIENTA_BIND") {
            self.bind = split_list(&bind);
        }
        if let Some(index) = get("ORIENTA_INDEX") {
            self.index = PathBuf::from(index);
        }
        if let Some(url) = get("ORIENTA_PUBLIC_URL") {
            self.public_url = Some(url.trim_end_matches('/').to_owned());
        }
        if let Some(workers) = get("ORIENTA_WORKERS") {
            self.workers = Some(number("ORIENTA_WORKERS", &workers)?);
        }
        if let Some(seconds) = get("ORIENTA_INDEX_WATCH_SECONDS") {
            self.index_watch_seconds = number("ORIENTA_INDEX_WATCH_SECONDS", &seconds)?;
        }
        if let Some(years) = get("ORIENTA_STALE_AFTER_YEARS") {
            self.stale_after_years = number("ORIENTA_STALE_AFTER_YEARS", &years)?;
        }
        if let Some(bytes) = get("ORIENTA_MAX_BODY_BYTES") {
            self.limits.max_body_bytes = number("ORIENTA_MAX_BODY_BYTES", &bytes)?;
        }
        if let Some(bytes) = get("ORIENTA_MAX_QUERY_BYTES") {
            self.limits.max_query_bytes = number("ORIENTA_MAX_QUERY_BYTES", &bytes)?;
        }
        if let Some(ms) = get("ORIENTA_REQUEST_DEADLINE_MS") {
            self.limits.request_deadline_ms = number("ORIENTA_REQUEST_DEADLINE_MS", &ms)?;
        }
        if let Some(enabled) = get("ORIENTA_RATE_LIMIT_ENABLED") {
            self.rate_limit.enabled = boolean("ORIENTA_RATE_LIMIT_ENABLED", &enabled)?;
        }
        if let Some(requests) = get("ORIENTA_RATE_LIMIT") {
            self.rate_limit.requests = number("ORIENTA_RATE_LIMIT", &requests)?;
            self.rate_limit.enabled = self.rate_limit.requests > 0;
        }
        if let Some(entries) = get("ORIENTA_RESPONSE_CACHE") {
            self.cache.response_cache_entries = number("ORIENTA_RESPONSE_CACHE", &entries)?;
        }
        if let Some(bytes) = get("ORIENTA_RESPONSE_CACHE_BYTES") {
            self.cache.response_cache_bytes = number("ORIENTA_RESPONSE_CACHE_BYTES", &bytes)?;
        }
        if let Some(keys) = get("ORIENTA_ADMIN_KEYS") {
            for entry in split_list(&keys) {
                let Some((name, key)) = entry.split_once(':') else {
                    return Err(ConfigError::Env {
                        name: "ORIENTA_ADMIN_KEYS".to_owned(),
                        message: "expected name:key pairs separated by commas".to_owned(),
                    });
                };
                self.admin_keys.push(AdminKey {
                    name: name.trim().to_owned(),
                    key: key.trim().to_owned(),
                });
            }
        }
        Ok(())
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

fn number<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Env {
        name: name.to_owned(),
        message: format!("`{value}` is not a non-negative whole number"),
    })
}

fn boolean(name: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Env {
            name: name.to_owned(),
            message: format!("`{value}` is not true or false"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(
            ServerConfig::from_toml("").unwrap(),
            ServerConfig::default()
        );
    }

    #[test]
    fn partner_keys_carry_fixed_filters() {
        let config = ServerConfig::from_toml(
            "[[partner_keys]]\nname = \"sud\"\nkey = \"k1\"\nrate_limit = 10\nbassins = [\"sud\"]\n",
        )
        .unwrap();
        assert_eq!(config.partner_keys[0].filters.bassins, ["sud"]);
        assert_eq!(config.partner_keys[0].rate_limit, Some(10));
        assert!(ServerConfig::from_toml("bogus = 1").is_err());
    }

    #[test]
    fn environment_overrides_the_file() {
        let mut config = ServerConfig::default();
        let env = |name: &str| match name {
            "ORIENTA_BIND" => Some("0.0.0.0:9000, [::]:9000".to_owned()),
            "ORIENTA_INDEX" => Some("/srv/index".to_owned()),
            "ORIENTA_RATE_LIMIT" => Some("0".to_owned()),
            "ORIENTA_ADMIN_KEYS" => Some("ops:secret".to_owned()),
            _ => None,
        };
        config.apply_env(env).unwrap();
        assert_eq!(config.bind, ["0.0.0.0:9000", "[::]:9000"]);
        assert_eq!(config.index, PathBuf::from("/srv/index"));
        assert!(!config.rate_limit.enabled);
        assert_eq!(config.admin_keys[0].key, "secret");
        let bad = |name: &str| (name == "ORIENTA_WORKERS").then(|| "many".to_owned());
        assert!(config.apply_env(bad).is_err());
    }
}
