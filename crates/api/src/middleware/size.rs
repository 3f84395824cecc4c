//! Rejects request bodies larger than the configured limit before reading them.

use crate::error::payload_too_large;
use crate::state::AppState;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_LENGTH;
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};

/// `413 payload_too_large` when `Content-Length` exceeds `limits.max_body_bytes`.
pub async fn limit(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let limit = request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.config().limits.max_body_bytes);
    let length = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    if let (Some(limit), Some(length)) = (limit, length) {
        if length > limit as u64 {
            let response = payload_too_large(limit).error_response();
            return Ok(request.into_response(response).map_into_right_body());
        }
    }
    Ok(next.call(request).await?.map_into_left_body())
}
