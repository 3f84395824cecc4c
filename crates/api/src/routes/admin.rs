//! `POST /v1/admin/reindex`: re-ingest the configured sources in the background and
//! publish a new index version (admin key required).

use crate::error::{ApiError, Detail, ErrorCode, Problem};
use crate::keys::Caller;
use crate::params::QueryParams;
use crate::respond::{self, Freshness};
use crate::state::{AppState, ReindexRequest, ReindexStatus};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
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
    /// Why it failed (set whenever a reindex published nothing).
    pub error: Option<String>,
    /// Stable code of the failure: `nothing_read` (no source could be read),
    /// `would_shrink` (too many records would go: retry with `allow_shrink=true` if
    /// intended), `index_locked` (another import is running), `index_error`,
    /// `reindex_failed`.
    #[schema(example = "would_shrink")]
    pub error_code: Option<String>,
}

/// Optional JSON body of `POST /v1/admin/reindex`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReindexBody {
    /// Publish even when the new version would lose more records than the guard allows
    /// (default false).
    #[serde(default)]
    pub allow_shrink: bool,
}

impl From<&ReindexStatus> for ReindexView {
    fn from(status: &ReindexStatus) -> Self {
        Self {
            running: status.running,
            started_at: status.started_at.clone(),
            finished_at: status.finished_at.clone(),
            version: status.version.clone(),
            error: status.error.clone(),
            error_code: status.error_code.clone(),
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

/// `allow_shrink` from the query string (`true`/`false`) or the JSON body.
fn reindex_request(request: &HttpRequest, body: &[u8]) -> Result<ReindexRequest, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let from_query = match params.get("allow_shrink") {
        None => false,
        Some("true" | "1") => true,
        Some("false" | "0") => false,
        Some(other) => return Err(ApiError::one_of("allow_shrink", other, &["true", "false"])),
    };
    let from_body = if body.iter().all(u8::is_ascii_whitespace) {
        ReindexBody::default()
    } else {
        serde_json::from_slice::<ReindexBody>(body).map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidRequest,
                Detail::en("the body must be empty or JSON like {\"allow_shrink\": true}"),
            )
        })?
    };
    Ok(ReindexRequest {
        allow_shrink: from_query || from_body.allow_shrink,
    })
}

/// Start a reindex.
///
/// Re-ingests the configured sources in a background thread and publishes a new index
/// version, served as soon as it is built. Needs an admin key. Nothing is published when
/// no source could be read, or when the new version would lose more than the allowed
/// share of the serving version's records (unless `allow_shrink=true`): the status then
/// tells why in `error` and `error_code`.
#[utoipa::path(
    tag = "admin",
    security(("api_key" = [])),
    params(("allow_shrink" = Option<bool>, Query, description = "Publish even when the new version would lose more records than the guard allows (default false)")),
    request_body(content = Option<ReindexBody>, description = "Optional: `{\"allow_shrink\": true}`, same as the query parameter", content_type = "application/json"),
    responses(
        (status = 202, description = "Started", body = ReindexView),
        (status = 400, description = "Invalid allow_shrink or body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No admin key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin key", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A reindex is already running", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "No reindexer configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/admin/reindex")]
pub async fn start_reindex(
    request: HttpRequest,
    body: web::Bytes,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let reindex_request = reindex_request(&request, &body)?;
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
            let outcome = reindexer.reindex_with(&reindex_request);
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
                    status.error_code = Some("index_error".to_owned());
                }
                (Err(failure), _) => {
                    tracing::error!(code = %failure.code, error = %failure.message, "reindex published nothing");
                    status.error = Some(failure.message);
                    status.error_code = Some(failure.code);
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
