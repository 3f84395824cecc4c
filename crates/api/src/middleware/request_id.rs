//! Request ids: every response carries `X-Request-Id` (the client's own when it is a short
//! token, `[A-Za-z0-9._-]{1,64}`, else the id `tracing-actix-web` generated) and every log
//! line of the request carries it in its span.

use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

/// The request id header.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest client-sent request id kept.
pub const MAX_REQUEST_ID_CHARS: usize = 64;

/// True when a client-sent id is a short token: 1–64 of `A-Z a-z 0-9 . _ -`.
pub fn is_token(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_REQUEST_ID_CHARS
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-'))
}

/// A client-sent id, when it is a short token; anything else is replaced by a generated id.
fn client_id(request: &ServiceRequest) -> Option<String> {
    let value = request.headers().get(REQUEST_ID)?.to_str().ok()?;
    is_token(value).then(|| value.to_owned())
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

/// Longest user agent or host written to the log; longer ones are cut.
const MAX_LOGGED_HEADER_CHARS: usize = 512;

/// The root span of each request. Unlike `tracing-actix-web`'s default span it takes the
/// client IP from [`crate::client_ip`] (the right-most untrusted `X-Forwarded-For` hop, never
/// the left-most one a client writes itself), the host from `Host` only, and writes every
/// client-sent text with `Debug` escaping (no line breaks or control characters reach the
/// log) and cut to a bounded length.
pub struct OrientaRootSpan;

impl RootSpanBuilder for OrientaRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let client_request_id = client_id(request).unwrap_or_default();
        let generated_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let client_ip = request
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.trusted_proxies().client_of(request))
            .or_else(|| request.peer_addr().map(|peer| peer.ip()))
            .map(|ip| ip.to_string())
            .unwrap_or_default();
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        let target = request
            .uri()
            .path_and_query()
            .map_or("", |target| target.as_str());
        tracing::info_span!(
            "HTTP request",
            http.method = %crate::metrics::method_label(request.method()),
            http.route = %route,
            http.host = ?logged_header(request, "host"),
            http.client_ip = %client_ip,
            http.user_agent = ?logged_header(request, "user-agent"),
            http.target = ?excerpt_for_log(target),
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            request_id = %generated_id,
            client_request_id = %client_request_id,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// A request header as logged: lossy text, at most [`MAX_LOGGED_HEADER_CHARS`] characters.
fn logged_header(request: &ServiceRequest, name: &str) -> String {
    let value = request
        .headers()
        .get(name)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default();
    excerpt_for_log(&value)
}

/// At most [`MAX_LOGGED_HEADER_CHARS`] characters of a client-sent text, `…` when cut.
fn excerpt_for_log(text: &str) -> String {
    if text.chars().count() <= MAX_LOGGED_HEADER_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_LOGGED_HEADER_CHARS).collect();
    cut.push('…');
    cut
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_tokens_are_kept() {
        for good in ["trace-123", "a", "A.b_c-9", &"x".repeat(64)] {
            assert!(is_token(good), "{good}");
        }
        for bad in [
            "",
            " ",
            "a b",
            "<script>",
            "id\r\nSet-Cookie: x",
            "é",
            &"x".repeat(65),
        ] {
            assert!(!is_token(bad), "{bad}");
        }
    }
}
