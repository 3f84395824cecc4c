//! `HEAD` answers like `GET` without the body (RFC 9110 §9.3.2).
//!
//! Routes are declared for `GET`; this middleware routes a `HEAD` request as `GET`. The
//! HTTP layer still knows the request was `HEAD` and sends the headers only, with the
//! length the body would have had.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::Error;

/// Serves `HEAD` through the `GET` route of the same path.
pub async fn as_get(
    mut request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if request.method() == Method::HEAD {
        request.head_mut().method = Method::GET;
    }
    next.call(request).await
}
