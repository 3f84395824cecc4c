//! `GET /v1/territories/{layer}` (GeoJSON layers) and `GET /v1/territory` (tag a point).

use crate::error::{ApiError, Problem};
use crate::params::{self, QueryParams};
use crate::respond::{self, Freshness};
use crate::search::formats::GEOJSON;
use crate::state::AppState;
use crate::views::{BassinView, CommuneView, QssView, QuartierView};
use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// An RFC 7946 FeatureCollection. Properties: communes `nis`, `fr`, `nl`, `bassins`;
/// quartiers `code`, `fr`, `nl`, `communes`; bassins `slug`, `fr`, `nl`, `status`
/// (`official`/`inferred`), `communes`, `geometry_status`.
#[derive(Debug, Serialize, ToSchema)]
#[allow(dead_code)]
pub struct FeatureCollection {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    #[schema(example = "FeatureCollection")]
    kind: String,
    /// Layer name.
    name: String,
    /// Features with polygon geometries.
    features: Vec<serde_json::Value>,
}

/// The territory layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// The 19 communes.
    Communes,
    /// The 145 Monitoring des Quartiers quartiers.
    Quartiers,
    /// The five bassins d'aide et de soins.
    Bassins,
    /// The named street lines of OpenStreetMap (ODbL, © OpenStreetMap contributors),
    /// properties `fr` and `nl`: about 3 MB, 0.55 MB compressed, for a street-level map.
    Streets,
}

/// A territory layer as GeoJSON.
///
/// Boundaries with bilingual FR/NL properties; bassins carry their `status` (official, or
/// inferred by Orienta's rule).
#[utoipa::path(
    tag = "reference",
    params(
        ("layer" = Layer, Path, description = "communes, quartiers, bassins or streets", example = "bassins"),
        ("geometry" = Option<bool>, Query, description = "`false`: the features with `geometry: null` (names and codes only, a few kB, for a filter list); not for `streets`. Default `true`."),
    ),
    responses(
        (status = 200, description = "The layer", body = FeatureCollection, content_type = "application/geo+json"),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid `geometry` value", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown layer", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/territories/{layer}")]
pub async fn territories(
    request: HttpRequest,
    layer: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let with_geometry = params::boolean(&params, "geometry")?.unwrap_or(true);
    let layers = state.territories();
    let pick = |layer: &crate::territories::Layer| match with_geometry {
        true => layer.full.clone(),
        false => layer.names.clone(),
    };
    let body = match layer.as_str() {
        "communes" => pick(&layers.communes),
        "quartiers" => pick(&layers.quartiers),
        "bassins" => pick(&layers.bassins),
        "streets" => layers.streets.clone(),
        other => {
            return Err(ApiError::not_found(&format!(
                "territory layer `{}` (use communes, quartiers, bassins or streets)",
                crate::error::excerpt(other)
            )))
        }
    };
    Ok(respond::body(
        &state,
        body,
        GEOJSON,
        Freshness::Reference,
        None,
    ))
}

/// The territory of a point.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TerritoryAnswer {
    /// Latitude asked.
    pub lat: f64,
    /// Longitude asked.
    pub lon: f64,
    /// Inside the Brussels-Capital Region.
    pub in_region: bool,
    /// Commune.
    pub commune: Option<CommuneView>,
    /// Statbel statistical sector code.
    pub sector: Option<String>,
    /// Monitoring quartier.
    pub quartier: Option<QuartierView>,
    /// Bassin.
    pub bassin: Option<BassinView>,
    /// Quartier social-santé (when the official table is loaded).
    pub qss: Option<QssView>,
}

/// Parameters of `GET /v1/territory`.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PointParams {
    /// Latitude, WGS84 degrees (49–52).
    #[param(minimum = 49, maximum = 52, example = 50.8676)]
    lat: f64,
    /// Longitude, WGS84 degrees (2–7).
    #[param(minimum = 2, maximum = 7, example = 4.3870)]
    lon: f64,
}

/// Commune, quartier and bassin of a point.
///
/// A point outside the Region answers `in_region: false`; a point far from Belgium (or
/// with latitude and longitude swapped) is a `400 invalid_coordinates`.
#[utoipa::path(
    tag = "reference",
    params(PointParams),
    responses(
        (status = 200, description = "The territory", body = TerritoryAnswer),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Missing or invalid coordinates", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/territory")]
pub async fn territory(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lat = params::coordinate(&params, "lat")?;
    let lon = params::coordinate(&params, "lon")?;
    let (lat, lon) = params::check_point("lat", lat, lon)?;
    let tags = state.tagger().tag_point(lat, lon);
    let answer = TerritoryAnswer {
        lat,
        lon,
        in_region: tags.in_region,
        commune: tags.commune.as_ref().map(CommuneView::from),
        sector: tags.sector.as_ref().map(|sector| sector.code.clone()),
        quartier: tags.quartier.as_ref().map(QuartierView::from),
        bassin: tags.bassin.as_ref().map(BassinView::from),
        qss: tags.qss.as_ref().map(QssView::from),
    };
    respond::json(&state, &answer, Freshness::Reference, None)
}
