//! The stable error codes and their HTTP statuses.

use actix_web::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Stable machine-readable error codes. New codes may be added; existing ones never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// `near`, `lat`/`lon` malformed or outside the sane bounds around Belgium.
    InvalidCoordinates,
    /// `radius` or `proximity` not a number of metres in 1–50 000.
    InvalidRadius,
    /// `bassin` is not one of the five bassins.
    UnknownBassin,
    /// `need` (or `taxonomy_term_id`) is not a thesaurus concept.
    UnknownNeed,
    /// `language` is not an ISO 639-1 code.
    UnknownLanguage,
    /// `per_page` not in 1–100.
    InvalidPerPage,
    /// `page` not a whole number ≥ 1, or beyond the result window.
    InvalidPage,
    /// A date or date-time is malformed.
    InvalidDate,
    /// `q` is longer than 500 characters.
    QueryTooLong,
    /// A value outside the documented set (format, sort, lang, commune…).
    UnknownParameterValue,
    /// A parameter that is required here is missing.
    MissingParameter,
    /// The request could not be read (malformed query string, path or body).
    InvalidRequest,
    /// A repeatable parameter has more distinct values than it takes.
    TooManyValues,
    /// The query string is longer than the server accepts (`limits.max_query_bytes`).
    QueryStringTooLong,
    /// An API key was sent as the `api_key` query parameter where only the `X-Api-Key`
    /// header is accepted (admin keys).
    ApiKeyInQuery,
    /// No such resource.
    NotFound,
    /// The method is not allowed on this resource.
    MethodNotAllowed,
    /// An API key is required, or the one sent is unknown.
    Unauthorized,
    /// The key is valid but not allowed to do this.
    Forbidden,
    /// Too many requests; retry after `Retry-After` seconds.
    RateLimited,
    /// The request body is too large.
    PayloadTooLarge,
    /// A reindex is already running.
    ReindexRunning,
    /// No reindexer is configured on this server.
    ReindexUnavailable,
    /// The request took longer than the server's deadline.
    Timeout,
    /// The index cannot be read right now.
    IndexUnavailable,
    /// An unexpected server error (a bug: please report it with the request id).
    Internal,
}

impl ErrorCode {
    /// The snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidCoordinates => "invalid_coordinates",
            ErrorCode::InvalidRadius => "invalid_radius",
            ErrorCode::UnknownBassin => "unknown_bassin",
            ErrorCode::UnknownNeed => "unknown_need",
            ErrorCode::UnknownLanguage => "unknown_language",
            ErrorCode::InvalidPerPage => "invalid_per_page",
            ErrorCode::InvalidPage => "invalid_page",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::QueryTooLong => "query_too_long",
            ErrorCode::UnknownParameterValue => "unknown_parameter_value",
            ErrorCode::MissingParameter => "missing_parameter",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::TooManyValues => "too_many_values",
            ErrorCode::QueryStringTooLong => "query_string_too_long",
            ErrorCode::ApiKeyInQuery => "api_key_in_query",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::ReindexRunning => "reindex_running",
            ErrorCode::ReindexUnavailable => "reindex_unavailable",
            ErrorCode::Timeout => "timeout",
            ErrorCode::IndexUnavailable => "index_unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The HTTP status of the code.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::QueryStringTooLong => StatusCode::URI_TOO_LONG,
            ErrorCode::ReindexRunning => StatusCode::CONFLICT,
            ErrorCode::ReindexUnavailable | ErrorCode::Timeout | ErrorCode::IndexUnavailable => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    pub(crate) fn title(self) -> &'static str {
        match self.status() {
            StatusCode::BAD_REQUEST => "invalid parameter",
            StatusCode::NOT_FOUND => "not found",
            StatusCode::METHOD_NOT_ALLOWED => "method not allowed",
            StatusCode::UNAUTHORIZED => "unauthorized",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::TOO_MANY_REQUESTS => "too many requests",
            StatusCode::PAYLOAD_TOO_LARGE => "payload too large",
            StatusCode::URI_TOO_LONG => "URI too long",
            StatusCode::CONFLICT => "conflict",
            StatusCode::SERVICE_UNAVAILABLE => "service unavailable",
            _ => "internal error",
        }
    }
}
