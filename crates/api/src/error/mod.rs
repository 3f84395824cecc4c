//! The one error type of the API, answered as RFC 9457 `application/problem+json`.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

mod code;
pub use code::ErrorCode;

/// Media type of error responses.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem: what went wrong and what to send instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:orienta:problem:invalid_radius", "title": "invalid parameter", "status": 400,
    "detail": "radius must be a number of metres from 1 to 50000, for example radius=2000, not `0`",
    "detail_fr": "radius doit être un nombre de mètres de 1 à 50000, par exemple radius=2000",
    "detail_nl": "radius moet een aantal meter van 1 tot 50000 zijn, bijvoorbeeld radius=2000",
    "code": "invalid_radius", "parameter": "radius"}))]
pub struct Problem {
    /// `urn:orienta:problem:<code>`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// What was wrong and what to send instead (English).
    pub detail: String,
    /// The same in French, when useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_fr: Option<String>,
    /// The same in Dutch, when useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail_nl: Option<String>,
    /// Stable error code.
    pub code: ErrorCode,
    /// The parameter at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// A detail sentence in English, with French and Dutch when given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detail {
    /// English.
    pub en: String,
    /// French.
    pub fr: Option<String>,
    /// Dutch.
    pub nl: Option<String>,
}

impl Detail {
    /// English only.
    pub fn en(text: impl Into<String>) -> Self {
        Self {
            en: text.into(),
            ..Self::default()
        }
    }

    /// English, French and Dutch.
    pub fn tri(en: impl Into<String>, fr: impl Into<String>, nl: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            fr: Some(fr.into()),
            nl: Some(nl.into()),
        }
    }
}

/// Every error the API answers with.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code:?}: {}", detail.en)]
pub struct ApiError {
    /// Stable code (gives the status).
    pub code: ErrorCode,
    /// The parameter at fault.
    pub parameter: Option<String>,
    /// What to send instead.
    pub detail: Detail,
    /// Seconds to wait, for `rate_limited`.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with a detail.
    pub fn new(code: ErrorCode, detail: Detail) -> Self {
        Self {
            code,
            parameter: None,
            detail,
            retry_after: None,
        }
    }

    /// A `400` about one parameter.
    pub fn parameter(code: ErrorCode, parameter: &str, detail: Detail) -> Self {
        Self {
            parameter: Some(parameter.to_owned()),
            ..Self::new(code, detail)
        }
    }

    /// `unknown_parameter_value` listing the accepted values.
    pub fn one_of(parameter: &str, value: &str, accepted: &[&str]) -> Self {
        let list = accepted.join(", ");
        Self::parameter(
            ErrorCode::UnknownParameterValue,
            parameter,
            Detail::tri(
                format!("`{shown}` is not accepted for {parameter}: send one of {list}", shown = excerpt(value)),
                format!("cette valeur n'est pas acceptée pour {parameter} : envoyez une de ces valeurs : {list}"),
                format!("deze waarde is niet toegelaten voor {parameter}: stuur een van {list}"),
            ),
        )
    }

    /// `not_found` for a resource (`what` is quoted in the English detail only).
    pub fn not_found(what: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            Detail::tri(
                format!("{what} does not exist: check the id, or search with GET /v1/search"),
                "cette ressource n'existe pas : vérifiez l'identifiant ou cherchez avec GET /v1/search",
                "deze bron bestaat niet: controleer de id of zoek met GET /v1/search",
            ),
        )
    }

    /// `internal`, logged; the detail never shows internals.
    pub fn internal(error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self::new(
            ErrorCode::Internal,
            Detail::en("an unexpected error occurred: retry, and report it with the X-Request-Id if it persists"),
        )
    }

    /// `index_unavailable`, logged.
    pub fn index(error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "index error");
        Self::new(
            ErrorCode::IndexUnavailable,
            Detail::en("the index cannot be read right now: retry in a few seconds"),
        )
    }

    /// `timeout` when the deadline passed.
    pub fn timeout() -> Self {
        Self::new(
            ErrorCode::Timeout,
            Detail::tri(
                "the request took too long: narrow it (fewer pages, a smaller radius) and retry",
                "la requête a pris trop de temps : affinez-la (moins de pages, un rayon plus petit) et réessayez",
                "de aanvraag duurde te lang: verfijn ze (minder pagina's, een kleinere straal) en probeer opnieuw",
            ),
        )
    }

    /// The problem document.
    pub fn problem(&self) -> Problem {
        Problem {
            problem_type: format!("urn:orienta:problem:{}", self.code.as_str()),
            title: self.code.title().to_owned(),
            status: self.code.status().as_u16(),
            detail: self.detail.en.clone(),
            detail_fr: self.detail.fr.clone(),
            detail_nl: self.detail.nl.clone(),
            code: self.code,
            parameter: self.parameter.clone(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = HttpResponse::build(self.status_code());
        response
            .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
            .insert_header((header::CACHE_CONTROL, "no-store"));
        let retry_after = self.retry_after.or_else(|| {
            (self.status_code() == StatusCode::SERVICE_UNAVAILABLE)
                .then_some(RETRY_UNAVAILABLE_SECONDS)
        });
        if let Some(seconds) = retry_after {
            response.insert_header((header::RETRY_AFTER, HeaderValue::from(seconds)));
        }
        let mut response = response.body(body);
        response.extensions_mut().insert(self.code);
        response
    }
}

/// `Retry-After` of a `503` that names no other delay (overload, no index), seconds.
pub const RETRY_UNAVAILABLE_SECONDS: u64 = 5;

/// Longest excerpt of a client's input an error detail quotes, characters.
pub const EXCERPT_CHARS: usize = 64;

/// A short excerpt of client input for an error detail: at most [`EXCERPT_CHARS`]
/// characters, control characters replaced, `…` when cut.
pub fn excerpt(input: &str) -> String {
    let mut shown: String = input
        .chars()
        .take(EXCERPT_CHARS)
        .map(|character| {
            if character.is_control() {
                '�'
            } else {
                character
            }
        })
        .collect();
    if input.chars().count() > EXCERPT_CHARS {
        shown.push('…');
    }
    shown
}

/// Turns actix's query-string extractor errors into problems.
pub fn query_error(
    error: actix_web::error::QueryPayloadError,
    _: &HttpRequest,
) -> actix_web::Error {
    ApiError::new(
        ErrorCode::InvalidRequest,
        Detail::en(format!(
            "the query string cannot be read ({error}): send name=value pairs, URL-encoded"
        )),
    )
    .into()
}

/// Turns actix's path extractor errors into problems.
pub fn path_error(error: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::new(
        ErrorCode::InvalidRequest,
        Detail::en(format!(
            "the path cannot be read ({error}): check the URL against /openapi.json"
        )),
    )
    .into()
}

/// Turns actix's JSON body errors into problems.
pub fn json_error(error: actix_web::error::JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    use actix_web::error::JsonPayloadError;
    match error {
        JsonPayloadError::Overflow { limit }
        | JsonPayloadError::OverflowKnownLength { limit, .. } => payload_too_large(limit).into(),
        other => ApiError::new(
            ErrorCode::InvalidRequest,
            Detail::en(format!(
                "the JSON body cannot be read ({other}): send a JSON object"
            )),
        )
        .into(),
    }
}

/// `payload_too_large` for a limit in bytes.
pub fn payload_too_large(limit: usize) -> ApiError {
    ApiError::new(
        ErrorCode::PayloadTooLarge,
        Detail::en(format!(
            "the request body is larger than {limit} bytes: send a smaller one"
        )),
    )
}

impl actix_web::Responder for ApiError {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        self.error_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_stable_names() {
        for code in [
            ErrorCode::InvalidRadius,
            ErrorCode::RateLimited,
            ErrorCode::NotFound,
        ] {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str());
        }
    }

    #[test]
    fn every_503_says_when_to_retry() {
        for error in [ApiError::timeout(), ApiError::index("no index")] {
            let response = error.error_response();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(
                response.headers().get(header::RETRY_AFTER).unwrap(),
                &RETRY_UNAVAILABLE_SECONDS.to_string()
            );
        }
        let bad = ApiError::one_of("format", "xml", &["json"]).error_response();
        assert!(bad.headers().get(header::RETRY_AFTER).is_none());
    }

    #[test]
    fn excerpts_are_short_and_marked() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(100);
        let shown = excerpt(&long);
        assert_eq!(shown.chars().count(), EXCERPT_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(excerpt("a\r\nb"), "a��b");
    }

    #[test]
    fn problem_carries_code_status_and_parameter() {
        let error = ApiError::one_of("format", "xml", &["json", "geojson", "csv"]);
        let problem = error.problem();
        assert_eq!(problem.status, 400);
        assert_eq!(
            problem.problem_type,
            "urn:orienta:problem:unknown_parameter_value"
        );
        assert_eq!(problem.parameter.as_deref(), Some("format"));
        assert!(problem.detail.contains("json, geojson, csv"));
        assert!(problem.detail_nl.is_some());
        let response = error.error_response();
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            PROBLEM_JSON
        );
    }
}
