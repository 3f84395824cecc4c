//! The examples of the problem responses: each response of each operation shows the
//! problem the server answers there, and its description names the request that provokes
//! it. Problems are built with the server's own constructors where they are public; the
//! integration tests send the requests and compare the answers with the examples.

mod v1;

use crate::config::Limits;
use crate::error::{payload_too_large, ApiError, Detail, ErrorCode, Problem, PROBLEM_JSON};
use crate::middleware::size::query_too_long;
use crate::params::{self, QueryParams};
use utoipa::openapi::{OpenApi as Document, RefOr, Response};

/// The `X-Api-Key` a request sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// An unknown key ([`UNKNOWN_KEY`]).
    Unknown,
    /// A partner key.
    Partner,
    /// An admin key.
    Admin,
}

/// The unknown key the `401` examples send.
pub const UNKNOWN_KEY: &str = "not-a-key";

/// A request that provokes an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Path and query string.
    pub target: String,
    /// The key sent, if any.
    pub key: Option<Key>,
}

/// One example of a problem response.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemExample {
    /// The operation's `operationId`.
    pub operation: String,
    /// The response status.
    pub status: u16,
    /// What provokes it, for the response's description (`None`: the description says it).
    pub cause: Option<&'static str>,
    /// The request that provokes it on demand (`None` for overload, timeouts, races).
    pub sent: Option<Sent>,
    /// The problem answered.
    pub problem: Problem,
}

/// Sets the example of every problem response of `document` (one per response: Swagger
/// UI shows it without a selector) and adds its cause to the response's description.
pub fn apply(document: &mut Document) {
    for example in problems(document) {
        let Some(response) = response_of(document, &example) else {
            continue;
        };
        if let Some(cause) = example.cause {
            response.description = format!("{}\n\nFor example {cause}.", response.description);
        }
        if let Some(RefOr::T(content)) = response.content.get_mut(PROBLEM_JSON) {
            content.example = serde_json::to_value(&example.problem).ok();
        }
    }
}

/// The response an example belongs to.
fn response_of<'a>(
    document: &'a mut Document,
    example: &ProblemExample,
) -> Option<&'a mut Response> {
    let operations = document.paths.paths.values_mut().flat_map(|item| {
        [&mut item.get, &mut item.post]
            .into_iter()
            .filter_map(Option::as_mut)
    });
    for operation in operations {
        if operation.operation_id.as_deref() != Some(example.operation.as_str()) {
            continue;
        }
        let response = operation
            .responses
            .responses
            .get_mut(&example.status.to_string())?;
        return match response {
            RefOr::T(response) => Some(response),
            RefOr::Ref(_) => None,
        };
    }
    None
}

/// The example of every problem response of `document`: the operation's own when it has
/// one for that status, else the one every rate-limited endpoint shares.
pub fn problems(document: &Document) -> Vec<ProblemExample> {
    let mut all = Vec::new();
    for (path, item) in document.paths.paths.iter() {
        let operations = [("GET", &item.get), ("POST", &item.post)];
        for (method, operation) in operations {
            let Some(operation) = operation else { continue };
            let Some(id) = operation.operation_id.as_deref() else {
                continue;
            };
            for (status, response) in operation.responses.responses.iter() {
                let (RefOr::T(response), Ok(status)) = (response, status.parse::<u16>()) else {
                    continue;
                };
                if !response.content.contains_key(PROBLEM_JSON) {
                    continue;
                }
                let entry = own(id, status).or_else(|| shared(status, method, path));
                all.extend(entry.map(|entry| ProblemExample {
                    operation: id.to_owned(),
                    status,
                    cause: entry.cause,
                    sent: entry.sent,
                    problem: entry.error.problem(),
                }));
            }
        }
    }
    all
}

/// An example before it is attached to its operation.
struct Entry {
    /// What provokes it, for the description.
    cause: Option<&'static str>,
    /// The request that provokes it.
    sent: Option<Sent>,
    /// What the server answers.
    error: ApiError,
}

/// An operation's own example: `cause` in the description, provoked by `GET target`.
fn on_get(cause: &'static str, target: &str, error: ApiError) -> Entry {
    let sent = Sent {
        method: "GET",
        target: target.to_owned(),
        key: None,
    };
    Entry {
        cause: Some(cause),
        sent: Some(sent),
        error,
    }
}

/// An example the response's description already explains.
fn plain(sent: Option<Sent>, error: ApiError) -> Entry {
    Entry {
        cause: None,
        sent,
        error,
    }
}

/// The error a parameter parser answers for a query string.
fn parsed<T>(query: &str, parse: impl FnOnce(&QueryParams) -> Result<T, ApiError>) -> ApiError {
    match QueryParams::parse(query).and_then(|params| parse(&params)) {
        Err(error) => error,
        Ok(_) => ApiError::internal(format!("`{query}` was accepted")),
    }
}

/// A problem the server builds in a private function (the tests compare it with the
/// server's answer).
fn built(code: ErrorCode, parameter: Option<&str>, detail: Detail) -> ApiError {
    let mut error = ApiError::new(code, detail);
    error.parameter = parameter.map(str::to_owned);
    error
}

/// `unknown_parameter_value` for `lang=de`, as every endpoint with `lang` answers it.
fn bad_lang(cause: &'static str, target: &str) -> Entry {
    let error = parsed("lang=de", |params| params::response_lang(params, None));
    on_get(cause, target, error)
}

/// `not_found` for an unknown id of `what`.
fn missing(cause: &'static str, what: &str, target: &str) -> Entry {
    let shown = format!("{what} `{}`", crate::error::excerpt(NOBODY));
    on_get(cause, target, ApiError::not_found(&shown))
}

/// An id no record has.
const NOBODY: &str = "00000000-0000-0000-0000-000000000000";

/// The example of one operation's own response (`None`: the shared one applies).
fn own(operation: &str, status: u16) -> Option<Entry> {
    v1::v1(operation, status)
        .or_else(|| hsds(operation, status))
        .or_else(|| admin(operation, status))
}

/// The own examples of the HSDS endpoints.
fn hsds(operation: &str, status: u16) -> Option<Entry> {
    let entry = match (operation, status) {
        ("services", 400) => on_get(
            "`postcode=9999` (not in Brussels)",
            "/hsds/services?postcode=9999",
            built(ErrorCode::UnknownParameterValue, Some("postcode"), Detail::en(
                "`9999` is not a postcode of the Brussels-Capital Region: send one like 1030",
            )),
        ),
        ("organizations", 400) => on_get(
            "`taxonomy_term_id=food` (not a term)",
            "/hsds/organizations?taxonomy_term_id=food",
            built(ErrorCode::UnknownNeed, Some("taxonomy_term_id"), Detail::en(
                "`food` is not a taxonomy term: send a term id from a service's attributes, or a need id from GET /v1/needs",
            )),
        ),
        ("service_at_locations", 400) => on_get(
            "`proximity=2000` without `postcode` or `place`",
            "/hsds/service_at_locations?proximity=2000",
            built(ErrorCode::MissingParameter, Some("postcode"), Detail::en(
                "proximity is measured from a postcode's centre or a place: add postcode or place, like postcode=1030&proximity=2000",
            )),
        ),
        ("service", 400) => bad_lang("`lang=de`", &format!("/hsds/services/{NOBODY}?lang=de")),
        ("service", 404) => missing("an id no service has", "service", &format!("/hsds/services/{NOBODY}")),
        ("organization", 400) => bad_lang("`lang=de`", &format!("/hsds/organizations/{NOBODY}?lang=de")),
        ("organization", 404) => missing("an id no organization has", "organization", &format!("/hsds/organizations/{NOBODY}")),
        _ => return None,
    };
    Some(entry)
}

/// The own examples of the admin endpoints and the readiness probe.
fn admin(operation: &str, status: u16) -> Option<Entry> {
    let entry = match (operation, status) {
        ("readyz", 503) => plain(None, index_unavailable()),
        ("reindex_status" | "start_reindex", 401 | 403) => admin_only(operation, status),
        ("start_reindex", 400) => Entry {
            cause: Some("`allow_shrink=maybe`"),
            sent: reindex("?allow_shrink=maybe"),
            error: ApiError::one_of("allow_shrink", "maybe", &["true", "false"]),
        },
        ("start_reindex", 409) => plain(
            None,
            built(
                ErrorCode::ReindexRunning,
                None,
                Detail::en(
                    "a reindex is already running: poll GET /v1/admin/reindex until it finishes",
                ),
            ),
        ),
        ("start_reindex", 503) => plain(
            reindex(""),
            built(
                ErrorCode::ReindexUnavailable,
                None,
                Detail::en(
                    "this server has no reindexer: run `orienta ingest` where the index is built",
                ),
            ),
        ),
        _ => return None,
    };
    Some(entry)
}

/// `POST /v1/admin/reindex` with the admin key.
fn reindex(query: &str) -> Option<Sent> {
    Some(Sent {
        method: "POST",
        target: format!("/v1/admin/reindex{query}"),
        key: Some(Key::Admin),
    })
}

/// The `401` (no key) and `403` (a partner key) of the admin endpoints.
fn admin_only(operation: &str, status: u16) -> Entry {
    let method = if operation == "start_reindex" {
        "POST"
    } else {
        "GET"
    };
    let sent = |key| {
        Some(Sent {
            method,
            target: "/v1/admin/reindex".to_owned(),
            key,
        })
    };
    match status {
        401 => plain(
            sent(None),
            built(
                ErrorCode::Unauthorized,
                None,
                Detail::en("an admin key is required: send it in the X-Api-Key header"),
            ),
        ),
        _ => plain(
            sent(Some(Key::Partner)),
            built(
                ErrorCode::Forbidden,
                None,
                Detail::en(
                    "this key may search but not administer: send an admin key in X-Api-Key",
                ),
            ),
        ),
    }
}

/// `index_unavailable`, as [`ApiError::index`] answers it (without logging an error).
fn index_unavailable() -> ApiError {
    built(
        ErrorCode::IndexUnavailable,
        None,
        Detail::en("the index cannot be read right now: retry in a few seconds"),
    )
}

/// A query string this long is refused in the examples (bytes).
pub const LONG_QUERY_BYTES: usize = 5_000;

/// The example of a response every rate-limited endpoint shares (`None` for others).
fn shared(status: u16, method: &'static str, path: &str) -> Option<Entry> {
    let target = fill(path);
    let entry = match status {
        401 => plain(Some(Sent { method, target, key: Some(Key::Unknown) }), built(
            ErrorCode::Unauthorized,
            None,
            Detail::tri(
                "the API key is not known: send a valid X-Api-Key, or none for anonymous access",
                "la clé d'API est inconnue : envoyez une clé X-Api-Key valide, ou aucune pour un accès anonyme",
                "de API-sleutel is onbekend: stuur een geldige X-Api-Key, of geen voor anonieme toegang",
            ),
        )),
        413 => plain(None, payload_too_large(Limits::default().max_body_bytes)),
        414 => {
            let target = format!("{target}?q={}", "a".repeat(LONG_QUERY_BYTES - 2));
            let sent = Sent { method, target, key: None };
            let error = query_too_long(LONG_QUERY_BYTES, Limits::default().max_query_bytes);
            plain(Some(sent), error)
        }
        429 => plain(None, rate_limited(RETRY_SECONDS)),
        503 => plain(None, index_unavailable()),
        _ => return None,
    };
    Some(entry)
}

/// Seconds to wait in the `429` example (as `Retry-After` says).
const RETRY_SECONDS: u64 = 37;

/// `rate_limited`, as the rate limiter answers it.
fn rate_limited(seconds: u64) -> ApiError {
    built(ErrorCode::RateLimited, None, Detail::tri(
        format!("too many requests: wait {seconds} s (Retry-After), or ask for a partner key"),
        format!("trop de requêtes : attendez {seconds} s (Retry-After) ou demandez une clé partenaire"),
        format!("te veel aanvragen: wacht {seconds} s (Retry-After) of vraag een partnersleutel aan"),
    ))
}

/// A concrete path for a templated one (`{id}` → `x`).
fn fill(path: &str) -> String {
    let mut filled = String::with_capacity(path.len());
    let mut inside = false;
    for character in path.chars() {
        match character {
            '{' => inside = true,
            '}' => {
                inside = false;
                filled.push('x');
            }
            _ if inside => {}
            other => filled.push(other),
        }
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templated_paths_are_filled() {
        assert_eq!(fill("/v1/organisations/{id}"), "/v1/organisations/x");
        assert_eq!(fill("/v1/search"), "/v1/search");
    }

    #[test]
    fn parsed_examples_are_the_parsers_errors() {
        let problem = own("territory", 400).unwrap().error.problem();
        assert_eq!(problem.code, ErrorCode::InvalidCoordinates);
        assert!(problem.detail.contains("swapped"));
        let missing = own("suggest", 400).unwrap().error;
        assert_eq!(missing.code, ErrorCode::MissingParameter);
    }
}
