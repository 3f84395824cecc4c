//! `POST /v1/admin/reindex`: re-ingest the configured sources in the background and
//! publish a new index version (admin key required).

use crate::error::{ApiError, Detail, ErrorCode, Problem};
use crate::keys::Caller;
use crate::respond::{self, Freshness};
use crate::state::{AppState, ReindexStatus};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

/// The state of reindexing.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ReindexView {
    /// True while a reindex runs.
    pub running: bool,
    /// When the last one started.
    pub started_at: Option<String>,
    /// When the last one finished.
    pub finished_at: Option<String>,
    /// The version it published.
    pub version: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
}

impl From<&ReindexStatus> for ReindexView {
    fn from(status: &ReindexStatus) -> Self {
        Self {
            running: status.running,
            started_at: status.started_at.clone(),
            finished_at: status.finished_at.clone(),
            version: status.version.clone(),
            error: status.error.clone(),
        }
    }
}

fn require_admin(caller: &Caller) -> Result<(), ApiError> {
    match caller {
        Caller::Admin(name) => {
            tracing::info!(admin = %name, "admin request");
            Ok(())
        }
        Caller::Partner(_) => Err(ApiError::new(
            ErrorCode::Forbidden,
            Detail::en("this key may search but not administer: send an admin key in X-Api-Key"),
        )),
        Caller::Anonymous => Err(ApiError::new(
            ErrorCode::Unauthorized,
            Detail::en("an admin key is required: send it in the X-Api-Key header"),
        )),
    }
}

/// Start a reindex.
///
/// Re-ingests the configured sources in a background thread and publishes a new index
/// version, served as soon as it is built. Needs an admin key.
#[utoipa::path(
    tag = "admin",
    security(("api_key" = [])),
    responses(
        (status = 202, description = "Started", body = ReindexView),
        (status = 401, description = "No admin key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin key", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A reindex is already running", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No reindexer configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/admin/reindex")]
pub async fn start_reindex(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let Some(reindexer) = state.reindexer() else {
        return Err(ApiError::new(
            ErrorCode::ReindexUnavailable,
            Detail::en(
                "this server has no reindexer: run `orienta ingest` where the index is built",
            ),
        ));
    };
    let view = {
        let mut status = state.reindex_status();
        if status.running {
            return Err(ApiError::new(
                ErrorCode::ReindexRunning,
                Detail::en(
                    "a reindex is already running: poll GET /v1/admin/reindex until it finishes",
                ),
            ));
        }
        *status = ReindexStatus {
            running: true,
            started_at: Some(chrono::Utc::now().to_rfc3339()),
            ..ReindexStatus::default()
        };
        ReindexView::from(&*status)
    };
    let worker_state = state.get_ref().clone();
    let spawned = std::thread::Builder::new()
        .name("orienta-reindex".to_owned())
        .spawn(move || {
            tracing::info!("reindex started");
            let outcome = reindexer.reindex();
            let refreshed = worker_state.index_handle().refresh();
            let mut status = worker_state.reindex_status();
            status.running = false;
            status.finished_at = Some(chrono::Utc::now().to_rfc3339());
            match (outcome, refreshed) {
                (Ok(version), Ok(_)) => {
                    tracing::info!(%version, "reindex published a new version");
                    status.version = Some(version);
                }
                (Ok(version), Err(error)) => {
                    tracing::error!(%version, %error, "reindex built a version that cannot be opened");
                    status.error = Some(error.to_string());
                }
                (Err(error), _) => {
                    tracing::error!(%error, "reindex failed");
                    status.error = Some(error);
                }
            }
        });
    if let Err(error) = spawned {
        state.reindex_status().running = false;
        return Err(ApiError::internal(error));
    }
    let body = serde_json::to_vec(&view).map_err(ApiError::internal)?;
    let mut response = respond::body(&state, body, respond::JSON, Freshness::NoStore, None);
    *response.status_mut() = StatusCode::ACCEPTED;
    Ok(response)
}

/// The state of the last reindex (admin key).
#[utoipa::path(
    tag = "admin",
    security(("api_key" = [])),
    responses(
        (status = 200, description = "Reindex state", body = ReindexView),
        (status = 401, description = "No admin key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin key", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/admin/reindex")]
pub async fn reindex_status(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let view = ReindexView::from(&*state.reindex_status());
    respond::json(&state, &view, Freshness::NoStore, None)
}
