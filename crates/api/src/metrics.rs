//! Prometheus metrics: request counts and latency by route and status, index size and version.

use crate::error::ErrorCode;
use crate::state::{version_of, AppState};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use std::time::Instant;

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

impl Metrics {
    /// Registers the collectors on a fresh registry.
    pub fn new() -> Self {
        let registry = Registry::new();
        // Invariant: the names and labels below are valid and registered once.
        let requests = IntCounterVec::new(
            Opts::new("orienta_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )
        .expect("valid counter");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "orienta_http_request_duration_seconds",
                "HTTP request latency",
            )
            .buckets(vec![
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route", "status"],
        )
        .expect("valid histogram");
        let documents = IntGauge::new(
            "orienta_index_documents",
            "documents (organisation × location) in the serving index",
        )
        .expect("valid gauge");
        let organisations = IntGauge::new(
            "orienta_index_organisations",
            "organisations in the serving index",
        )
        .expect("valid gauge");
        let version = IntGaugeVec::new(
            Opts::new(
                "orienta_index_version_info",
                "the serving index version (value 1)",
            ),
            &["version"],
        )
        .expect("valid gauge");
        let cache_lookups = IntCounterVec::new(
            Opts::new(
                "orienta_response_cache_lookups_total",
                "search response cache lookups, by result (hit, miss)",
            ),
            &["result"],
        )
        .expect("valid counter");
        let cache_entries = IntGauge::new(
            "orienta_response_cache_entries",
            "rendered searches held in the response cache",
        )
        .expect("valid gauge");
        let cache_bytes = IntGauge::new(
            "orienta_response_cache_bytes",
            "bytes held by the response cache (keys and bodies; bounded by cache.response_cache_bytes)",
        )
        .expect("valid gauge");
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(documents.clone()),
            Box::new(organisations.clone()),
            Box::new(version.clone()),
            Box::new(cache_lookups.clone()),
            Box::new(cache_entries.clone()),
            Box::new(cache_bytes.clone()),
        ] {
            registry
                .register(collector)
                .expect("collector registered once");
        }
        Self {
            registry,
            requests,
            latency,
            documents,
            organisations,
            version,
            cache_lookups,
            cache_entries,
            cache_bytes,
        }
    }

    /// Records one answered request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        let labels = [method, route, status.as_str()];
        self.requests.with_label_values(&labels).inc();
        self.latency.with_label_values(&labels).observe(seconds);
    }

    /// The text exposition, index gauges refreshed.
    pub fn render(&self, state: &AppState) -> String {
        let index = state.index();
        let version = version_of(&index);
        self.documents.set(index.num_docs() as i64);
        if let Some(manifest) = orienta_search::versions::read_manifest(index.directory()) {
            self.organisations.set(manifest.organisations as i64);
        }
        self.version.reset();
        self.version.with_label_values(&[version.as_str()]).set(1);
        let cache = state.cache();
        let counts = cache.counts();
        self.cache_lookups.reset();
        self.cache_lookups
            .with_label_values(&["hit"])
            .inc_by(counts.hits);
        self.cache_lookups
            .with_label_values(&["miss"])
            .inc_by(counts.misses);
        self.cache_entries.set(cache.len() as i64);
        self.cache_bytes
            .set(i64::try_from(cache.weight()).unwrap_or(i64::MAX));
        let mut buffer = Vec::new();
        let encoder = TextEncoder::new();
        if let Err(error) = encoder.encode(&self.registry.gather(), &mut buffer) {
            tracing::warn!(%error, "cannot encode metrics");
        }
        String::from_utf8(buffer).unwrap_or_default()
    }
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

/// Middleware recording every request: metrics, and one access-log event (in the request's
/// span, so with its request id) with the error code of problems.
pub async fn record(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let method = method_label(request.method());
    let response = next.call(request).await?;
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let status = response.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    if let Some(state) = state {
        state.metrics().observe(method, &route, status, seconds);
    }
    let code = response
        .response()
        .extensions()
        .get::<ErrorCode>()
        .map(|code| code.as_str())
        .unwrap_or_default();
    let path = response.request().path().to_owned();
    let elapsed_ms = seconds * 1000.0;
    if status >= 500 {
        tracing::error!(%method, %route, %path, status, code, elapsed_ms, "request failed");
    } else {
        tracing::info!(%method, %route, %path, status, code, elapsed_ms, "request");
    }
    Ok(response)
}
