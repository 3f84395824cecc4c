//! `GET /v1/places` (what a person types as a place: streets, addresses, postcodes,
//! communes, quartiers, bassins) and `GET /v1/places/{id}`.

use crate::error::{ApiError, Problem};
use crate::params::{self, QueryParams};
use crate::respond::{self, Freshness};
use crate::state::AppState;
use crate::views::{BassinView, CommuneView, QuartierView};
use actix_web::{get, web, HttpRequest, HttpResponse};
use orienta_model::Lang;
use orienta_territory::places::Place;
use orienta_territory::Tagger;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// Longest place text read, in characters.
const MAX_PLACE_CHARS: usize = 200;

/// Most places in one answer, and the default.
const MAX_PLACES: usize = 20;
const DEFAULT_PLACES: usize = 8;

/// A place with its territory.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlaceView {
    /// Stable id, for `GET /v1/places/{id}` and `/v1/search?place=`.
    #[schema(example = "address:1030:4271:120")]
    pub id: String,
    /// `street`, `address`, `postcode`, `commune`, `quartier` or `bassin`.
    #[schema(example = "address")]
    pub kind: String,
    /// Label in the response language.
    #[schema(example = "Rue Josaphat 120, 1030 Schaerbeek")]
    pub label: String,
    /// French label.
    pub label_fr: String,
    /// Dutch label.
    pub label_nl: String,
    /// Latitude of a street, address or postcode.
    pub lat: Option<f64>,
    /// Longitude of a street, address or postcode.
    pub lon: Option<f64>,
    /// `address-approx` (a house number placed along its street, tens of metres off),
    /// `street`, `postcode` (the middle of its streets) or `area` (no point: it filters).
    #[schema(example = "address-approx")]
    pub precision: String,
    /// Postcode.
    pub postcode: Option<String>,
    /// Commune.
    pub commune: Option<CommuneView>,
    /// Monitoring quartier.
    pub quartier: Option<QuartierView>,
    /// Bassin.
    pub bassin: Option<BassinView>,
}

/// Places matching a text.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlacesAnswer {
    /// The text read.
    pub q: String,
    /// Best first; several when the text is ambiguous.
    pub places: Vec<PlaceView>,
}

/// Parameters of `GET /v1/places`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PlacesParams {
    /// What was typed (≤ 200 characters): `Rue Josaphat 120, 1030`, `Josafatstraat`,
    /// `1080`, `Schaerbeek`, `Molenbeek historique`, `bassin nord`.
    #[param(max_length = 200, example = "Rue Josaphat 120, 1030")]
    q: String,
    /// Label language (`fr`, `nl`, `en`; default from `Accept-Language`, else `fr`).
    lang: Option<String>,
    /// Places to return, 1–20 (default 8).
    #[param(minimum = 1, maximum = 20)]
    limit: Option<u32>,
}

fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl PlaceView {
    /// The view of a place, its territory from its point (or its area).
    pub fn new(place: &Place, tagger: &Tagger, lang: Lang) -> Self {
        let territory = place.point.map(|(lat, lon)| tagger.tag_point(lat, lon));
        let commune = territory
            .as_ref()
            .and_then(|tags| tags.commune.as_ref().map(CommuneView::from))
            .or_else(|| {
                let nis = place.commune.as_deref()?;
                let info = tagger.commune(nis)?;
                Some(CommuneView::from(&orienta_model::CommuneTag {
                    nis: info.nis.clone(),
                    fr: info.fr.clone(),
                    nl: info.nl.clone(),
                }))
            });
        let quartier = territory
            .as_ref()
            .and_then(|tags| tags.quartier.as_ref().map(QuartierView::from));
        let bassin = territory
            .as_ref()
            .and_then(|tags| tags.bassin.as_ref().map(BassinView::from));
        let label = match lang {
            Lang::Nl => place.label_nl.clone(),
            _ => place.label_fr.clone(),
        };
        Self {
            id: place.id.clone(),
            kind: kebab(&place.kind),
            label,
            label_fr: place.label_fr.clone(),
            label_nl: place.label_nl.clone(),
            lat: place.point.map(|(lat, _)| lat),
            lon: place.point.map(|(_, lon)| lon),
            precision: kebab(&place.precision),
            postcode: place.postcode.clone(),
            commune,
            quartier,
            bassin,
        }
    }
}

/// The answer's language: `lang`, else `Accept-Language`, else French.
fn answer_lang(request: &HttpRequest, params: &QueryParams) -> Result<Lang, ApiError> {
    let accept_language = request
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    params::response_lang(params, accept_language)
}

/// Places matching a typed text: streets (with a house number, an approximate address),
/// postcodes, communes, Monitoring quartiers and bassins, FR or NL, abbreviated, with
/// typos. Found locally (no outside service). An ambiguous text answers several
/// candidates; nothing found is an empty list.
#[utoipa::path(
    tag = "reference",
    params(PlacesParams),
    responses(
        (status = 200, description = "The places, best first", body = PlacesAnswer),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Missing or too long `q`, or a bad `limit`", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/places")]
pub async fn places(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lang = answer_lang(&request, &params)?;
    let q = params::typed_text(&params, MAX_PLACE_CHARS)?;
    let limit = params::limit(&params, MAX_PLACES, DEFAULT_PLACES)?;
    let worker_state = state.clone();
    let text = q.clone();
    let places = respond::blocking(&state, move || {
        let found = worker_state.geocoder().lookup(&text, limit);
        let tagger = worker_state.tagger();
        Ok(found
            .iter()
            .map(|place| PlaceView::new(place, tagger, lang))
            .collect())
    })
    .await?;
    respond::json(
        &state,
        &PlacesAnswer { q, places },
        Freshness::Reference,
        Some(lang),
    )
}

/// One place by id.
#[utoipa::path(
    tag = "reference",
    params(("id" = String, Path, description = "A place id from `GET /v1/places`", example = "commune:21015")),
    responses(
        (status = 200, description = "The place", body = PlaceView),
        (status = 304, description = "Not modified"),
        (status = 404, description = "No such place", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/places/{id}")]
pub async fn place_by_id(
    request: HttpRequest,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lang = answer_lang(&request, &params)?;
    let id = id.into_inner();
    let worker_state = state.clone();
    let wanted = id.clone();
    let found = respond::blocking(&state, move || {
        let place = worker_state.geocoder().get(&wanted);
        Ok(place.map(|place| PlaceView::new(&place, worker_state.tagger(), lang)))
    })
    .await?;
    let Some(view) = found else {
        return Err(ApiError::not_found(&format!(
            "place `{}` (ids come from GET /v1/places)",
            crate::error::excerpt(&id)
        )));
    };
    respond::json(&state, &view, Freshness::Reference, Some(lang))
}
