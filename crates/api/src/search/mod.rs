//! `GET /v1/search`: bilingual search with filters, distance, facets and three formats.

pub mod formats;
pub mod response;
pub mod spec;

use crate::cache::Cached;
use crate::error::{ApiError, Problem};
use crate::keys::Caller;
use crate::params::QueryParams;
use crate::respond::{self, Freshness};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::{get, HttpRequest, HttpResponse};
use formats::{SearchFeatureCollection, CSV, GEOJSON};
use orienta_search::SearchResults;
use response::{LabelContext, SearchResponse};
use spec::{Format, SpecContext};
use std::time::Instant;
use utoipa::IntoParams;

/// The parameters of `GET /v1/search` (documentation; parsed by [`spec::parse`]).
/// Repeatable parameters accept `need=a&need=b` and `need=a,b`. Only `q`, `lang`, `page`
/// and `per_page` carry examples: "Try it out" starts from a search that finds something,
/// the filters say in words what they take.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SearchParams {
    /// Free text in French or Dutch (≤ 500 characters); without it, everything is listed.
    #[param(max_length = 500, example = "aide alimentaire")]
    q: Option<String>,
    /// Response language (labels, display names); falls back to the other language when a
    /// text is missing. Default: `Accept-Language`, else `fr`.
    #[param(inline, value_type = Option<String>, pattern = "^(fr|nl|en)$", example = "fr")]
    lang: Option<String>,
    /// Need concepts (ids from `GET /v1/needs`, like `food-aid`); a broad need includes its
    /// narrower ones.
    #[param(style = Form, explode)]
    need: Option<Vec<String>>,
    /// Spoken languages, ISO 639-1 (like `ar`, `tr`).
    #[param(style = Form, explode)]
    language: Option<Vec<String>>,
    /// Audience codes: children, youth, families, elderly, women, migrants, homeless,
    /// disability, students, lgbtqi.
    #[param(style = Form, explode)]
    audience: Option<Vec<String>>,
    /// Commune NIS codes, like `21015` for Schaerbeek (see `GET /v1/territories/communes`).
    #[param(style = Form, explode)]
    commune: Option<Vec<String>>,
    /// Monitoring des Quartiers codes.
    #[param(style = Form, explode)]
    quartier: Option<Vec<u32>>,
    /// Quartier social-santé codes (when the official table is loaded).
    #[param(style = Form, explode)]
    qss: Option<Vec<String>>,
    /// Bassins: nord, nord-est, centre-ouest, sud, sud-est.
    #[param(style = Form, explode)]
    bassin: Option<Vec<String>>,
    /// A point, `latitude,longitude` (WGS84, like `50.8503,4.3517`): ranks nearer results
    /// higher and adds `distance_m`.
    near: Option<String>,
    /// Only results within this many metres of `near` or a point `place` (1–50000, like
    /// `2000`).
    #[param(minimum = 1, maximum = 50000)]
    radius: Option<f64>,
    /// A place id from `GET /v1/places`, instead of `near` (a street, an address or a
    /// postcode gives the point; `radius` and `sort=distance` apply to it) or of a territory
    /// filter (a commune, quartier or bassin), like `address:1030:4271:120` or
    /// `commune:21015`. Not with `near`.
    place: Option<String>,
    /// Where the person lives, `latitude,longitude` or an address or street id from
    /// `GET /v1/places`: only the services responsible for them (their area holds the
    /// point's quartier, commune or bassin, or the whole Region; services whose area is not
    /// known are kept and say so), the quartier's first, then the commune's, the bassin's,
    /// the Region's, each level nearest first. Each result says why in `serves`. Not with
    /// `near` or `place`.
    serves: Option<String>,
    /// `relevance` (default) or `distance` (needs `near`).
    #[param(value_type = Option<String>, pattern = "^(relevance|distance)$")]
    sort: Option<String>,
    /// Only services open at this ISO 8601 moment (local Brussels time without offset), like
    /// `2026-03-02T10:30:00+01:00`.
    open_at: Option<String>,
    /// Only services open now (Europe/Brussels), when their hours are structured.
    open_now: Option<bool>,
    /// Synthetic sample records: `include` (default), `exclude` or `only`.
    #[param(value_type = Option<String>, pattern = "^(include|exclude|only)$")]
    synthetic: Option<String>,
    /// Rank first-line generalist services first.
    stepped_care: Option<bool>,
    /// What the text must not be read as (the undo of `query.concepts`, `query.languages`,
    /// `query.audiences` and `query.places`): `need:<id>`, `language:<code>`,
    /// `audience:<code>`, `place:<words>`; those words are then searched as plain words,
    /// like `place:schaerbeek`. At most 12 values of 100 characters.
    #[param(style = Form, explode)]
    literal: Option<Vec<String>>,
    /// Count facets (default `true`). `false` answers sooner; `facets` then has empty lists.
    facets: Option<bool>,
    /// Highlight the matched words (default `true`). `false` answers sooner, without
    /// `highlights`.
    highlight: Option<bool>,
    /// Page number, from 1.
    #[param(minimum = 1, example = 1)]
    page: Option<u32>,
    /// Results per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    per_page: Option<u32>,
    /// `json` (default), `geojson` or `csv`.
    #[param(value_type = Option<String>, pattern = "^(json|geojson|csv)$")]
    format: Option<String>,
}

/// Search the directory.
///
/// Bilingual FR/NL full-text search with typo tolerance and need concepts, filters
/// (needs, spoken languages, audience, commune, quartier, QSS, bassin, radius, opening
/// hours), distance ranking, facets and highlights. Filters of one kind are OR-ed, kinds
/// are AND-ed. A partner key may add fixed filters.
#[utoipa::path(
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of results (the JSON shape, a GeoJSON FeatureCollection or CSV rows)",
            headers(
                ("Content-Language" = String, description = "The response language"),
                ("X-Total-Count" = u64, description = "Matching results in all pages"),
                ("ETag" = String, description = "Validator for If-None-Match"),
            ),
            content(
                (SearchResponse = "application/json"),
                (SearchFeatureCollection = "application/geo+json"),
                (String = "text/csv"),
            )),
        (status = 304, description = "Not modified (If-None-Match matched)"),
        (status = 400, description = "A parameter is invalid", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/search")]
pub async fn search(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let accept_language = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let context = SpecContext {
        thesaurus: state.thesaurus(),
        tagger: state.tagger(),
        accept_language,
        geocoder: state.geocoder(),
    };
    let mut spec = spec::parse(&params, &context, caller.filters())?;
    spec::understand_street(&mut spec, state.geocoder());
    let lang = spec.lang;
    let index = state.index();
    let cache_key = format!(
        "{}|{}|{:?}|{}|{}|{:?}",
        index.version(),
        spec.lang,
        spec.format,
        serde_json::to_string(&spec.request).unwrap_or_default(),
        spec.nothing,
        spec.typed
    );
    let cached = match state.cache().get(&cache_key) {
        Some(cached) => cached,
        None => {
            let worker_state = state.clone();
            let rendered =
                respond::blocking(&state, move || render(&worker_state, &index, &spec)).await?;
            state.cache().put(cache_key, rendered.clone());
            rendered
        }
    };
    let mut response = respond::body(
        &state,
        cached.body,
        cached.content_type,
        Freshness::Search,
        Some(lang),
    );
    response.headers_mut().insert(
        header::HeaderName::from_static("x-total-count"),
        header::HeaderValue::from(cached.total),
    );
    if matches!(caller, Caller::Partner(_)) {
        let private = respond::cache_control(&state, Freshness::Search, true);
        if let Ok(value) = header::HeaderValue::from_str(&private) {
            response.headers_mut().insert(header::CACHE_CONTROL, value);
        }
    }
    Ok(response)
}

/// Runs the search and renders the chosen format (on the blocking pool).
fn render(
    state: &AppState,
    index: &orienta_search::SearchIndex,
    spec: &spec::SearchSpec,
) -> Result<Cached, ApiError> {
    let results = if spec.nothing {
        SearchResults::default()
    } else {
        index.search(&spec.request).map_err(ApiError::index)?
    };
    let labels = LabelContext {
        thesaurus: state.thesaurus(),
        tagger: state.tagger(),
        lang: spec.lang,
        stale_before: state.stale_before(),
        serves: spec.serves.as_ref(),
    };
    let typed = spec.typed.as_deref().or(spec.request.text.as_deref());
    let mut answer = SearchResponse::new(&results, typed, spec.page, spec.per_page, &labels);
    if let Some(street) = &spec.street {
        let label = match spec.lang {
            orienta_model::Lang::Nl => street.place.label_nl.clone(),
            _ => street.place.label_fr.clone(),
        };
        let place = crate::views::PlaceRef {
            words: street.words.clone(),
            label,
        };
        answer.query.places.insert(0, place);
    }
    let (body, content_type) = match spec.format {
        Format::Json => (
            serde_json::to_vec(&answer).map_err(ApiError::internal)?,
            respond::JSON,
        ),
        Format::Geojson => (
            formats::geojson(&answer.results, answer.total, spec.page, spec.per_page)?,
            GEOJSON,
        ),
        Format::Csv => (formats::csv(&answer.results, spec.lang)?, CSV),
    };
    Ok(Cached {
        body: Bytes::from(body),
        content_type,
        total: results.total,
        created: Instant::now(),
    })
}
