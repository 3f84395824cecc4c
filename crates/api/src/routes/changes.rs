//! `GET /v1/changes`: what was created, updated or deleted between index versions.

use crate::error::{excerpt, ApiError, Detail, ErrorCode, Problem};
use crate::hsds::scope::Allowed;
use crate::keys::Caller;
use crate::params::{self, QueryParams};
use crate::respond::{self, Freshness};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use orienta_search::changes::{ChangeEvent, ChangeKind};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKindView {
    /// New record.
    Created,
    /// The record changed.
    Updated,
    /// The record is gone (tombstone).
    Deleted,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ChangeView {
    /// Increasing sequence number: pass the last one seen as `since`.
    pub seq: u64,
    /// When the version making the change was published (RFC 3339).
    pub at: String,
    /// That version.
    pub version: String,
    /// Organisation id.
    pub id: String,
    /// What happened.
    pub change: ChangeKindView,
}

impl From<&ChangeEvent> for ChangeView {
    fn from(event: &ChangeEvent) -> Self {
        Self {
            seq: event.seq,
            at: event.at.clone(),
            version: event.version.clone(),
            id: event.id.clone(),
            change: match event.change {
                ChangeKind::Created => ChangeKindView::Created,
                ChangeKind::Updated => ChangeKindView::Updated,
                ChangeKind::Deleted => ChangeKindView::Deleted,
            },
        }
    }
}

/// A page of the change feed.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ChangesResponse {
    /// The serving index version.
    pub version: String,
    /// Changes after `since` in all pages.
    pub total: usize,
    /// Page number.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// The last sequence number of the feed.
    pub last_seq: u64,
    /// The changes, oldest first.
    pub changes: Vec<ChangeView>,
}

/// Parameters of `GET /v1/changes`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ChangesParams {
    /// Changes after this point: an RFC 3339 date-time (like `2026-03-01T00:00:00Z`), or a
    /// sequence number (the `last_seq` of the previous poll). Without it, every change.
    since: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    page: Option<u32>,
    /// Changes per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
}

/// The change feed.
///
/// Creations, updates and deletions (tombstones) between index versions, oldest first.
/// Poll with `since=<last seq seen>` to mirror the directory. A partner key with fixed
/// filters sees the creations and updates of the organisations it may read, and every
/// deletion.
#[utoipa::path(
    tag = "records",
    params(ChangesParams),
    responses(
        (status = 200, description = "A page of changes", body = ChangesResponse),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/changes")]
pub async fn changes(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let page = params::page(&params)?;
    let per_page = params::per_page(&params, "per_page")?;
    let offset = params::offset(page, per_page)?;
    let since = params.get("since").map(str::to_owned);
    let since_seq = since.as_deref().and_then(|text| text.parse::<u64>().ok());
    let since_time = match (&since, since_seq) {
        (Some(text), None) => Some(params::parse_date_time(text).ok_or_else(|| {
            ApiError::parameter(
                ErrorCode::InvalidDate,
                "since",
                Detail::en(format!(
                    "since must be an RFC 3339 date-time like 2026-03-01T00:00:00Z or a sequence number, not `{shown}`"
                , shown = excerpt(text))),
            )
        })?),
        _ => None,
    };
    let worker_state = state.clone();
    let scope = caller
        .filters()
        .map(|fixed| (caller.name().to_owned(), fixed.clone()));
    let answer = respond::blocking(&state, move || {
        let index = worker_state.index();
        let catalogue = worker_state.catalogue(&index)?;
        // A partner key sees the creations and updates of the organisations its fixed
        // filters let it read; deletions (ids of records gone for everyone) are kept.
        let allowed = match &scope {
            Some((partner, fixed)) => Some(Allowed::of(
                &index,
                &catalogue,
                partner,
                fixed,
                worker_state.thesaurus(),
            )?),
            None => None,
        };
        let in_scope = |event: &&ChangeEvent| match &allowed {
            Some(allowed) => {
                event.change == ChangeKind::Deleted || allowed.id(&catalogue, &event.id)
            }
            None => true,
        };
        let after = |event: &&ChangeEvent| match (since_seq, since_time) {
            (Some(seq), _) => event.seq > seq,
            (None, Some(time)) => params::parse_date_time(&event.at).is_some_and(|at| at > time),
            (None, None) => true,
        };
        let matching: Vec<&ChangeEvent> = catalogue
            .events
            .iter()
            .filter(after)
            .filter(in_scope)
            .collect();
        Ok(ChangesResponse {
            version: catalogue.version.clone(),
            total: matching.len(),
            page,
            per_page,
            last_seq: catalogue.events.last().map_or(0, |event| event.seq),
            changes: matching
                .iter()
                .skip(offset)
                .take(per_page)
                .map(|event| ChangeView::from(*event))
                .collect(),
        })
    })
    .await?;
    respond::json(&state, &answer, Freshness::Search, None)
}
