//! Per-client rate limiting (actix-extensible-rate-limit, fixed window, in memory): by
//! client IP (behind trusted proxies: see [`crate::client_ip`]), or by partner key with
//! the key's own limit. Denials are `429 rate_limited`
//! problems with `Retry-After`.

use crate::error::{ApiError, Detail, ErrorCode};
use crate::keys::Caller;
use crate::middleware::caller::caller_of;
use crate::state::AppState;
use actix_extensible_rate_limit::backend::memory::InMemoryBackend;
use actix_extensible_rate_limit::backend::{SimpleInput, SimpleOutput};
use actix_extensible_rate_limit::{HeaderCompatibleOutput, RateLimiter};
use actix_web::dev::ServiceRequest;
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::ResponseError;
use std::future::{ready, Ready};
use std::time::Duration;

/// Paths never limited (probes and metrics).
const EXEMPT: [&str; 3] = ["/healthz", "/readyz", "/metrics"];

const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
const RESET: HeaderName = HeaderName::from_static("x-ratelimit-reset");

fn add_headers(headers: &mut HeaderMap, output: &SimpleOutput) {
    headers.insert(LIMIT, HeaderValue::from(output.limit()));
    headers.insert(REMAINING, HeaderValue::from(output.remaining()));
    headers.insert(RESET, HeaderValue::from(output.seconds_until_reset()));
}

/// The input of one request: its key and limit.
type InputFn = Box<dyn Fn(&ServiceRequest) -> Ready<Result<SimpleInput, actix_web::Error>>>;

fn input(state: &AppState) -> InputFn {
    let settings = state.config().rate_limit.clone();
    let interval = Duration::from_secs(settings.window_seconds.max(1));
    let proxies = state.trusted_proxies().clone();
    Box::new(move |request: &ServiceRequest| {
        if EXEMPT.contains(&request.path()) {
            return ready(Ok(SimpleInput {
                interval,
                max_requests: u64::MAX,
                key: "exempt".to_owned(),
            }));
        }
        let partner = match caller_of(request.request()) {
            Caller::Partner(partner) => Some(partner),
            _ => None,
        };
        let input = match partner {
            Some(partner) => SimpleInput {
                interval,
                max_requests: partner.rate_limit.unwrap_or(settings.requests),
                key: format!("partner:{}", partner.name),
            },
            None => {
                let ip = proxies.client_of(request).map(|ip| ip.to_string());
                SimpleInput {
                    interval,
                    max_requests: settings.requests,
                    key: format!("ip:{}", ip.unwrap_or_default()),
                }
            }
        };
        ready(Ok(input))
    })
}

/// The rate limiter of an application.
pub fn limiter(state: &AppState) -> RateLimiter<InMemoryBackend, SimpleOutput, InputFn> {
    RateLimiter::builder(state.rate_backend(), input(state))
        .request_allowed_transformation(Some(|headers: &mut HeaderMap, output: Option<&SimpleOutput>, _| {
            if let Some(output) = output {
                add_headers(headers, output);
            }
        }))
        .request_denied_response(|output: &SimpleOutput| {
            let seconds = output.seconds_until_reset().max(1);
            let mut error = ApiError::new(
                ErrorCode::RateLimited,
                Detail::tri(
                    format!("too many requests: wait {seconds} s (Retry-After), or ask for a partner key"),
                    format!("trop de requêtes : attendez {seconds} s (Retry-After) ou demandez une clé partenaire"),
                    format!("te veel aanvragen: wacht {seconds} s (Retry-After) of vraag een partnersleutel aan"),
                ),
            );
            error.retry_after = Some(seconds);
            let mut response = error.error_response();
            add_headers(response.headers_mut(), output);
            response
        })
        .build()
}
