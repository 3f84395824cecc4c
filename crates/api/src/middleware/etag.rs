//! Weak ETags on successful GETs (hash of the body and the index version) and
//! `304 Not Modified` when `If-None-Match` matches.

use crate::state::AppState;
use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpResponse};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The weak ETag of a body served from an index version.
pub fn tag(body: &[u8], version: &str) -> String {
    let seed = xxh3_64_with_seed(version.as_bytes(), 0);
    format!("W/\"{:016x}\"", xxh3_64_with_seed(body, seed))
}

/// True when an `If-None-Match` value lists the tag (weak comparison) or is `*`.
pub fn matches(if_none_match: &str, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let wanted = bare(etag);
    if_none_match
        .split(',')
        .any(|candidate| candidate.trim() == "*" || bare(candidate) == wanted)
}

/// The middleware.
pub async fn etag(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let cacheable = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let version = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.index().version())
        .unwrap_or_default();
    let response = next.call(request).await?.map_into_boxed_body();
    let already_encoded = response.headers().contains_key(header::CONTENT_ENCODING);
    if !cacheable || response.status() != StatusCode::OK || already_encoded {
        return Ok(response);
    }
    let (request, response) = response.into_parts();
    let (head, payload) = response.into_parts();
    let bytes = match body::to_bytes(payload).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::warn!(%error, "cannot buffer a response body for its etag");
            return Ok(ServiceResponse::new(
                request,
                HttpResponse::InternalServerError().finish(),
            ));
        }
    };
    let etag = tag(&bytes, &version);
    let etag_value = HeaderValue::from_str(&etag).ok();
    if if_none_match.is_some_and(|value| matches(&value, &etag)) {
        let mut not_modified = HttpResponse::build(StatusCode::NOT_MODIFIED);
        for name in [
            header::CACHE_CONTROL,
            header::CONTENT_LANGUAGE,
            header::VARY,
        ] {
            if let Some(value) = head.headers().get(&name) {
                not_modified.insert_header((name, value.clone()));
            }
        }
        if let Some(value) = etag_value {
            not_modified.insert_header((header::ETAG, value));
        }
        return Ok(ServiceResponse::new(request, not_modified.finish()));
    }
    let mut response = head.set_body(BoxBody::new(bytes));
    if let Some(value) = etag_value {
        response.headers_mut().insert(header::ETAG, value);
    }
    Ok(ServiceResponse::new(request, response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_depend_on_body_and_version_and_match_weakly() {
        let first = tag(b"{}", "v1");
        assert_ne!(first, tag(b"{}", "v2"));
        assert_ne!(first, tag(b"[]", "v1"));
        assert!(matches(&first, &first));
        assert!(matches(
            &format!("\"x\", {}", first.trim_start_matches("W/")),
            &first
        ));
        assert!(matches("*", &first));
        assert!(!matches("\"other\"", &first));
    }
}
