//! Operational endpoints: `/healthz`, `/readyz`, `/metrics`.

use crate::error::{ApiError, Problem};
use crate::respond::{self, Freshness};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

/// Liveness.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    #[schema(example = "ok")]
    pub status: String,
}

/// Readiness: the index serving.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Ready {
    /// `ready`.
    #[schema(example = "ready")]
    pub status: String,
    /// Index version.
    pub version: String,
    /// Documents (organisation × location).
    pub documents: u64,
    /// Organisations.
    pub organisations: Option<usize>,
    /// When the version was built (RFC 3339).
    pub created_at: Option<String>,
    /// Seconds since the version was built.
    pub age_seconds: Option<i64>,
    /// Version of the needs thesaurus.
    pub thesaurus_version: String,
}

/// Liveness probe.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process is alive", body = Health)))]
#[get("/healthz")]
pub async fn healthz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    respond::json(
        &state,
        &Health {
            status: "ok".to_owned(),
        },
        Freshness::NoStore,
        None,
    )
}

/// Readiness probe: the index is open; its version, size and age.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Ready),
        (status = 503, description = "The index cannot be read", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let index = state.index();
    let manifest = orienta_search::versions::read_manifest(index.directory());
    let age_seconds = manifest
        .as_ref()
        .and_then(|manifest| chrono::DateTime::parse_from_rfc3339(&manifest.created_at).ok())
        .map(|created| (chrono::Utc::now() - created.with_timezone(&chrono::Utc)).num_seconds());
    let ready = Ready {
        status: "ready".to_owned(),
        version: index.version(),
        documents: index.num_docs(),
        organisations: manifest.as_ref().map(|manifest| manifest.organisations),
        created_at: manifest.map(|manifest| manifest.created_at),
        age_seconds,
        thesaurus_version: state.thesaurus().version().to_owned(),
    };
    respond::json(&state, &ready, Freshness::NoStore, None)
}

/// Prometheus metrics (text exposition format).
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "Request counts and latencies by route and status, index size and version",
        body = String, content_type = "text/plain")),
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let text = state.metrics_text();
    respond::body(
        &state,
        text,
        "text/plain; version=0.0.4; charset=utf-8",
        Freshness::NoStore,
        None,
    )
}
