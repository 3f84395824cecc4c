//! Request ids: every response carries `X-Request-Id` (the client's own when it sent a
//! sane one, else the id `tracing-actix-web` generated) and every log line of the request
//! carries it in its span.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

/// The request id header.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A client-sent id: 1–128 visible ASCII characters.
fn client_id(request: &ServiceRequest) -> Option<String> {
    let value = request.headers().get(REQUEST_ID)?.to_str().ok()?.trim();
    let sane = !value.is_empty()
        && value.len() <= 128
        && value.chars().all(|character| character.is_ascii_graphic());
    sane.then(|| value.to_owned())
}

/// The id of a request: the client's, else the generated one.
pub fn request_id(request: &ServiceRequest) -> String {
    client_id(request)
        .or_else(|| {
            request
                .extensions()
                .get::<RequestId>()
                .map(ToString::to_string)
        })
        .unwrap_or_default()
}

/// The root span of each request, with the client's request id when it sent one.
pub struct OrientaRootSpan;

impl RootSpanBuilder for OrientaRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let client_request_id = client_id(request).unwrap_or_default();
        tracing_actix_web::root_span!(request, client_request_id = %client_request_id)
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// Echoes the request id on the response.
pub async fn echo(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = request_id(&request);
    let mut response = next.call(request).await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    Ok(response)
}
