//! The own error examples of the `/v1` read endpoints.

use super::{bad_lang, built, missing, on_get, parsed, Entry, NOBODY};
use crate::error::{ApiError, Detail, ErrorCode};
use crate::params;

/// The own examples of the `/v1` read endpoints.
pub(super) fn v1(operation: &str, status: u16) -> Option<Entry> {
    let entry = match (operation, status) {
        ("search", 400) => on_get(
            "`need=aide-alimentaire` (a label, not a need id)",
            "/v1/search?need=aide-alimentaire",
            built(ErrorCode::UnknownNeed, Some("need"), Detail::tri(
                "`aide-alimentaire` is not a known need: send a concept id from GET /v1/needs, like food-aid",
                "cette valeur n'est pas connue pour need : send a concept id from GET /v1/needs, like food-aid",
                "deze waarde is niet gekend voor need: send a concept id from GET /v1/needs, like food-aid",
            )),
        ),
        ("organisation", 400) => bad_lang("`lang=de`", &format!("/v1/organisations/{NOBODY}?lang=de")),
        ("organisation", 404) => missing("an id no organisation has", "organisation", &format!("/v1/organisations/{NOBODY}")),
        ("suggest", 400) => on_get(
            "no `q`",
            "/v1/suggest",
            parsed("", |params| params::typed_text(params, params::MAX_QUERY_CHARS)),
        ),
        ("needs", 400) => bad_lang("`lang=de`", "/v1/needs?lang=de"),
        ("territories", 400) => on_get(
            "`geometry=maybe`",
            "/v1/territories/communes?geometry=maybe",
            parsed("geometry=maybe", |params| params::boolean(params, "geometry")),
        ),
        ("territories", 404) => on_get(
            "`GET /v1/territories/parks`",
            "/v1/territories/parks",
            ApiError::not_found("territory layer `parks` (use communes, quartiers, bassins or streets)"),
        ),
        ("territory", 400) => on_get(
            "`lat=4.3517&lon=50.8503` (swapped)",
            "/v1/territory?lat=4.3517&lon=50.8503",
            parsed("", |_| params::check_point("lat", 4.3517, 50.8503)),
        ),
        ("places", 400) => on_get(
            "`limit=50` (more than 20)",
            "/v1/places?q=Josaphat&limit=50",
            parsed("limit=50", |params| params::limit(params, 20, 8)),
        ),
        ("place_by_id", 404) => on_get(
            "`GET /v1/places/address:1030:0:1`",
            "/v1/places/address:1030:0:1",
            ApiError::not_found("place `address:1030:0:1` (ids come from GET /v1/places)"),
        ),
        ("changes", 400) => on_get(
            "`since=yesterday`",
            "/v1/changes?since=yesterday",
            built(ErrorCode::InvalidDate, Some("since"), Detail::en(
                "since must be an RFC 3339 date-time like 2026-03-01T00:00:00Z or a sequence number, not `yesterday`",
            )),
        ),
        ("layer_offer", 400) => on_get(
            "`synthetic=maybe`",
            "/v1/territories/bassins/offer?synthetic=maybe",
            ApiError::one_of("synthetic", "maybe", &["exclude", "include"]),
        ),
        ("layer_offer", 404) => on_get(
            "`GET /v1/territories/parks/offer`",
            "/v1/territories/parks/offer",
            crate::routes::offer::unknown_territory("parks", "offer"),
        ),
        ("territory_offer", 400) => on_get(
            "`format=xlsx`",
            "/v1/territories/bassins/nord/offer?format=xlsx",
            ApiError::one_of("format", "xlsx", &["json", "csv"]),
        ),
        ("territory_offer", 404) => on_get(
            "`GET /v1/territories/communes/99999/offer`",
            "/v1/territories/communes/99999/offer",
            crate::routes::offer::unknown_territory("communes", "99999"),
        ),
        _ => return None,
    };
    Some(entry)
}
