//! Rejects request bodies and query strings larger than the configured limits before any
//! handler reads them.

use crate::error::{payload_too_large, ApiError, Detail, ErrorCode};
use crate::state::AppState;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_LENGTH;
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};

/// `414 query_string_too_long` for a limit in bytes.
pub fn query_too_long(length: usize, limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::QueryStringTooLong,
        Detail::tri(
            format!("the query string has {length} bytes, more than {limit}: send fewer or shorter parameters"),
            format!("la chaîne de requête compte {length} octets, plus que {limit} : envoyez des paramètres moins nombreux ou plus courts"),
            format!("de querystring telt {length} bytes, meer dan {limit}: stuur minder of kortere parameters"),
        ),
    )
}

/// `413 payload_too_large` when `Content-Length` exceeds `limits.max_body_bytes`;
/// `414 query_string_too_long` when the query string exceeds `limits.max_query_bytes`.
pub async fn limit(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let limits = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.config().limits.clone());
    let Some(limits) = limits else {
        return Ok(next.call(request).await?.map_into_left_body());
    };
    let query_length = request.query_string().len();
    if query_length > limits.max_query_bytes {
        let response = query_too_long(query_length, limits.max_query_bytes).error_response();
        return Ok(request.into_response(response).map_into_right_body());
    }
    let length = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if length.is_some_and(|length| length > limits.max_body_bytes as u64) {
        let response = payload_too_large(limits.max_body_bytes).error_response();
        return Ok(request.into_response(response).map_into_right_body());
    }
    Ok(next.call(request).await?.map_into_left_body())
}
