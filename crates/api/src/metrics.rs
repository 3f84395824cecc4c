//! Prometheus metrics: request counts and latency by route and status, index size and version.

use actix_web::http::Method;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

/// The registry and the collectors the API updates.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    documents: IntGauge,
    organisations: IntGauge,
    version: IntGaugeVec,
    cache_lookups: IntCounterVec,
    cache_entries: IntGauge,
    cache_bytes: IntGauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// A gauge (the names below are valid: a failure is a programming error).
fn gauge(name: &str, help: &str) -> IntGauge {
    IntGauge::new(name, help).expect("valid gauge")
}

/// A counter by `labels`.
fn counter(name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    IntCounterVec::new(Opts::new(name, help), labels).expect("valid counter")
}

/// Request latency by method, route and status, from half a millisecond to five seconds.
fn latency_histogram() -> HistogramVec {
    HistogramVec::new(
        HistogramOpts::new(
            "orienta_http_request_duration_seconds",
            "HTTP request latency",
        )
        .buckets(vec![
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
        ]),
        &["method", "route", "status"],
    )
    .expect("valid histogram")
}

impl Metrics {
    /// Registers the collectors on a fresh registry.
    pub fn new() -> Self {
        // Invariant: the names and labels below are valid and registered once.
        let metrics = Self {
            registry: Registry::new(),
            requests: counter(
                "orienta_http_requests_total",
                "HTTP requests answered",
                &["method", "route", "status"],
            ),
            latency: latency_histogram(),
            documents: gauge(
                "orienta_index_documents",
                "documents (organisation × location) in the serving index",
            ),
            organisations: gauge(
                "orienta_index_organisations",
                "organisations in the serving index",
            ),
            version: IntGaugeVec::new(
                Opts::new(
                    "orienta_index_version_info",
                    "the serving index version (value 1)",
                ),
                &["version"],
            )
            .expect("valid gauge"),
            cache_lookups: counter(
                "orienta_response_cache_lookups_total",
                "search response cache lookups, by result (hit, miss)",
                &["result"],
            ),
            cache_entries: gauge(
                "orienta_response_cache_entries",
                "rendered searches held in the response cache",
            ),
            cache_bytes: gauge(
                "orienta_response_cache_bytes",
                "bytes held by the response cache (keys and bodies; bounded by cache.response_cache_bytes)",
            ),
        };
        metrics.register_all();
        metrics
    }

    /// Registers every collector on the registry.
    fn register_all(&self) {
        for collector in [
            Box::new(self.requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(self.latency.clone()),
            Box::new(self.documents.clone()),
            Box::new(self.organisations.clone()),
            Box::new(self.version.clone()),
            Box::new(self.cache_lookups.clone()),
            Box::new(self.cache_entries.clone()),
            Box::new(self.cache_bytes.clone()),
        ] {
            self.registry
                .register(collector)
                .expect("collector registered once");
        }
    }

    /// Records one answered request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        let labels = [method, route, status.as_str()];
        self.requests.with_label_values(&labels).inc();
        self.latency.with_label_values(&labels).observe(seconds);
    }

    /// The text exposition, the gauges set from `snapshot`.
    pub fn render(&self, snapshot: &Snapshot) -> String {
        self.documents
            .set(i64::try_from(snapshot.documents).unwrap_or(i64::MAX));
        if let Some(organisations) = snapshot.organisations {
            self.organisations
                .set(i64::try_from(organisations).unwrap_or(i64::MAX));
        }
        self.version.reset();
        self.version
            .with_label_values(&[snapshot.version.as_str()])
            .set(1);
        self.cache_lookups.reset();
        self.cache_lookups
            .with_label_values(&["hit"])
            .inc_by(snapshot.cache_hits);
        self.cache_lookups
            .with_label_values(&["miss"])
            .inc_by(snapshot.cache_misses);
        self.cache_entries
            .set(i64::try_from(snapshot.cache_entries).unwrap_or(i64::MAX));
        self.cache_bytes
            .set(i64::try_from(snapshot.cache_bytes).unwrap_or(i64::MAX));
        let mut buffer = Vec::new();
        let encoder = TextEncoder::new();
        if let Err(error) = encoder.encode(&self.registry.gather(), &mut buffer) {
            tracing::warn!(%error, "cannot encode metrics");
        }
        String::from_utf8(buffer).unwrap_or_default()
    }
}

/// The serving index and the response cache as the gauges show them, taken by the caller.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The serving version's name.
    pub version: String,
    /// Its documents.
    pub documents: u64,
    /// Its organisations, when its manifest is readable.
    pub organisations: Option<usize>,
    /// Response cache hits so far.
    pub cache_hits: u64,
    /// Response cache misses so far.
    pub cache_misses: u64,
    /// Entries in the response cache.
    pub cache_entries: usize,
    /// Bytes the response cache holds.
    pub cache_bytes: u64,
}

/// The metrics label of a method: one of the standard methods, else `other` (a client
/// inventing methods must not create series).
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}
