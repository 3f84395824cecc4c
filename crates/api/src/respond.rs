//! Building responses: JSON bodies with caching headers, and blocking work run off the
//! async workers under the per-request deadline.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::HttpResponse;
use orienta_model::Lang;
use serde::Serialize;
use std::time::{Duration, Instant};

/// Media type of JSON.
pub const JSON: &str = "application/json";

/// Runs `work` on the blocking pool; `timeout` when the request deadline passes first.
/// Work still queued when its deadline has passed is skipped, so an overloaded server
/// does not spend CPU on answers nobody waits for.
pub async fn blocking<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    let deadline = Duration::from_millis(state.config().limits.request_deadline_ms.max(1));
    let give_up_at = Instant::now() + deadline;
    let guarded = move || {
        if Instant::now() >= give_up_at {
            return Err(ApiError::timeout());
        }
        work()
    };
    match actix_web::rt::time::timeout(deadline, web::block(guarded)).await {
        Err(_) => Err(ApiError::timeout()),
        Ok(Err(error)) => Err(ApiError::internal(error)),
        Ok(Ok(result)) => result,
    }
}

/// How long a response may be cached.
#[derive(Debug, Clone, Copy)]
pub enum Freshness {
    /// Searches and records.
    Search,
    /// Needs, territories, the specification.
    Reference,
    /// Health, metrics, admin: never cached.
    NoStore,
}

/// The `Cache-Control` value.
pub fn cache_control(state: &AppState, freshness: Freshness, private: bool) -> String {
    let seconds = match freshness {
        Freshness::Search => state.config().cache.search_max_age_seconds,
        Freshness::Reference => state.config().cache.reference_max_age_seconds,
        Freshness::NoStore => return "no-store".to_owned(),
    };
    let scope = if private { "private" } else { "public" };
    format!("{scope}, max-age={seconds}")
}

/// A response with a body, its type, caching headers and optionally its language; `Vary`
/// names the headers the answer depends on (`Accept-Language` when it has a language,
/// `X-Api-Key` always: a partner key's filters change answers).
pub fn body(
    state: &AppState,
    body: impl Into<Bytes>,
    content_type: &str,
    freshness: Freshness,
    lang: Option<Lang>,
) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((
            header::CACHE_CONTROL,
            cache_control(state, freshness, false),
        ));
    let vary = match lang {
        Some(lang) => {
            response.insert_header((header::CONTENT_LANGUAGE, lang.code()));
            "Accept-Language, X-Api-Key"
        }
        None => "X-Api-Key",
    };
    response.insert_header((header::VARY, HeaderValue::from_static(vary)));
    response.body(body.into())
}

/// A JSON response.
pub fn json<T: Serialize>(
    state: &AppState,
    value: &T,
    freshness: Freshness,
    lang: Option<Lang>,
) -> Result<HttpResponse, ApiError> {
    let bytes = serde_json::to_vec(value).map_err(ApiError::internal)?;
    Ok(body(state, bytes, JSON, freshness, lang))
}
