//! Who is calling: the `api_key` parameter taken out of the URI before anything logs it
//! ([`redact_query_key`]), the caller identified once per request from its key
//! ([`identify`], [`crate::keys::Keys::identify`]) and read back by handlers and the rate
//! limiter ([`caller_of`], the [`Caller`] extractor).

use crate::error::ApiError;
use crate::keys::{redact, Caller, Keys, QueryKey};
use crate::state::AppState;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::Uri;
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, ResponseError};
use std::future::{ready, Ready};

/// Middleware (outermost): takes an `api_key` parameter out of the URI into a
/// [`QueryKey`], before the request is logged or routed.
pub async fn redact_query_key(
    mut request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some((query, key)) = redact(request.query_string()) {
        let path_and_query = format!("{}?{query}", request.path());
        let mut parts = request.head().uri.clone().into_parts();
        if let Ok(rebuilt) = path_and_query.parse() {
            parts.path_and_query = Some(rebuilt);
            if let Ok(uri) = Uri::from_parts(parts) {
                request.head_mut().uri = uri;
            }
        }
        if !key.is_empty() {
            request.extensions_mut().insert(QueryKey(key));
        }
    }
    next.call(request).await
}

/// `Deprecation` header of answers to a partner key sent as `api_key`.
const DEPRECATION: HeaderName = HeaderName::from_static("deprecation");

/// Middleware: identifies the caller once ([`Keys::identify`]) and keeps it in the
/// request's extensions for the rate limiter and the handlers; an unknown key answers
/// `401`, an admin key in the query `400`, on every endpoint.
pub async fn identify(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let Some(state) = request.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(request).await?.map_into_left_body());
    };
    let caller = match state.keys().identify(request.request()) {
        Ok(caller) => caller,
        Err(error) => {
            let response = error.error_response();
            return Ok(request.into_response(response).map_into_right_body());
        }
    };
    let deprecated_form =
        Keys::sent(request.request()).is_none() && matches!(caller, Caller::Partner(_));
    request.extensions_mut().insert(caller);
    let mut response = next.call(request).await?;
    if deprecated_form {
        let headers = response.headers_mut();
        headers.insert(DEPRECATION, HeaderValue::from_static("true"));
        headers.insert(
            actix_web::http::header::WARNING,
            HeaderValue::from_static(
                "299 - \"the api_key parameter is deprecated: send the key in the X-Api-Key header\"",
            ),
        );
    }
    Ok(response.map_into_left_body())
}

/// The caller of a request the [`identify`] middleware saw (anonymous otherwise).
pub fn caller_of(request: &HttpRequest) -> Caller {
    request
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or(Caller::Anonymous)
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(caller) = request.extensions().get::<Caller>() {
            return ready(Ok(caller.clone()));
        }
        let caller = match request.app_data::<web::Data<AppState>>() {
            Some(state) => state.keys().identify(request),
            None => Err(ApiError::internal("application state missing")),
        };
        ready(caller)
    }
}
