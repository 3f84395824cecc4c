//! The access log and request metrics: one event per answered request (in the request's
//! span, so with its request id), and its count and latency by method, route and status.

use crate::error::ErrorCode;
use crate::metrics::method_label;
use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use std::time::Instant;

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
