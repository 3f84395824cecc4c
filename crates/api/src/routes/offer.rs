//! `GET /v1/territories/{layer}/{code}/offer` (the offer of one territory, JSON or CSV) and
//! `GET /v1/territories/{layer}/offer` (one need across a layer, for a map).

use crate::error::{ApiError, ErrorCode, Problem};
use crate::offer::{self, LayerOfferItem, LayerOfferView, OfferView};
use crate::params::{self, QueryParams};
use crate::respond::{self, Freshness};
use crate::search::formats::neutralise;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use orienta_model::Lang;

/// The request's language and whether synthetic records count.
fn read_options(request: &HttpRequest) -> Result<(QueryParams, Lang, bool), ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let accept_language = request
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let lang = params::response_lang(&params, accept_language)?;
    let with_synthetic = params::choice(
        &params,
        "synthetic",
        &[("exclude", false), ("include", true)],
        false,
    )?;
    Ok((params, lang, with_synthetic))
}

/// `not_found` for a layer or code that names no territory.
pub(crate) fn unknown_territory(layer: &str, code: &str) -> ApiError {
    ApiError::not_found(&format!(
        "territory `{}/{}` (layers: communes by NIS code, quartiers by code, bassins by slug)",
        crate::error::excerpt(layer),
        crate::error::excerpt(code)
    ))
}

/// The offer of a territory.
///
/// Services located in the territory (an address there) and serving it (their area holds
/// it or part of it: region-wide services, those of its commune, bassin or quartier), in
/// total and per need, with the needs no service serves there. Per-capita figures only when
/// the server has a population table. Synthetic sample records are left out unless
/// `synthetic=include`. `format=csv` gives the table as CSV.
#[utoipa::path(
    tag = "reference",
    params(
        ("layer" = String, Path, description = "communes, quartiers or bassins", example = "bassins"),
        ("code" = String, Path, description = "NIS code (communes), quartier code, or bassin slug", example = "nord-est"),
        ("lang" = Option<String>, Query, description = "fr, nl or en (default: Accept-Language, else fr)"),
        ("synthetic" = Option<String>, Query, description = "`exclude` (default) or `include`"),
        ("format" = Option<String>, Query, description = "`json` (default) or `csv`"),
    ),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown territory", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/territories/{layer}/{code}/offer")]
pub async fn territory_offer(
    request: HttpRequest,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (params, lang, with_synthetic) = read_options(&request)?;
    let csv = params::choice(&params, "format", &[("json", false), ("csv", true)], false)?;
    let (layer, code) = path.into_inner();
    let key = offer::key(&layer, &code, state.tagger())
        .ok_or_else(|| unknown_territory(&layer, &code))?;
    let worker = state.clone();
    let view = respond::blocking(&state, move || {
        let table = worker.offer_table(&worker.index())?;
        let counts = table.counts(&key, with_synthetic);
        let territory = offer::describe(&key, worker.tagger(), lang);
        let population = offer::population(&key, worker.tagger());
        Ok(OfferView::new(
            territory,
            &counts,
            population,
            worker.thesaurus(),
            lang,
            with_synthetic,
        ))
    })
    .await?;
    if csv {
        let body = offer_csv(&view)?;
        return Ok(respond::body(
            &state,
            body,
            crate::search::formats::CSV,
            Freshness::Search,
            Some(lang),
        ));
    }
    respond::json(&state, &view, Freshness::Search, Some(lang))
}

/// The offer as CSV: one row per need.
fn offer_csv(view: &OfferView) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "territory",
        "need",
        "label",
        "located_in",
        "serving",
        "serving_per_10000",
    ];
    writer.write_record(header).map_err(ApiError::internal)?;
    for need in &view.needs {
        let per_capita = need
            .serving_per_10000
            .map(|value| value.to_string())
            .unwrap_or_default();
        writer
            .write_record([
                neutralise(view.territory.name.clone()),
                neutralise(need.id.clone()),
                neutralise(need.label.clone()),
                need.located_in.to_string(),
                need.serving.to_string(),
                per_capita,
            ])
            .map_err(ApiError::internal)?;
    }
    writer.into_inner().map_err(ApiError::internal)
}

/// One need across a layer.
///
/// For each commune, quartier or bassin: the services of a need (all services without
/// `need`) located in it and serving it, with per-capita figures when the server has a
/// population table: the data of a choropleth.
#[utoipa::path(
    tag = "reference",
    params(
        ("layer" = String, Path, description = "communes, quartiers or bassins", example = "quartiers"),
        ("need" = Option<String>, Query, description = "A need concept id (all services without it)", example = "food-aid"),
        ("lang" = Option<String>, Query, description = "fr, nl or en"),
        ("synthetic" = Option<String>, Query, description = "`exclude` (default) or `include`"),
    ),
    responses(
        (status = 200, description = "The layer's counts", body = LayerOfferView),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown layer", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/territories/{layer}/offer")]
pub async fn layer_offer(
    request: HttpRequest,
    layer: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (params, lang, with_synthetic) = read_options(&request)?;
    let layer = layer.into_inner();
    let keys = offer::layer_keys(&layer, state.tagger())
        .ok_or_else(|| unknown_territory(&layer, "offer"))?;
    let need = match params.get("need") {
        Some(id) if state.thesaurus().concept(id).is_some() => Some(id.to_owned()),
        Some(id) => {
            return Err(ApiError::parameter(
                ErrorCode::UnknownNeed,
                "need",
                crate::error::Detail::tri(
                    format!(
                        "`{}` is not a need: see GET /v1/needs",
                        crate::error::excerpt(id)
                    ),
                    "ce besoin n'existe pas : voyez GET /v1/needs",
                    "die nood bestaat niet: zie GET /v1/needs",
                ),
            ))
        }
        None => None,
    };
    let worker = state.clone();
    let view = respond::blocking(&state, move || {
        let table = worker.offer_table(&worker.index())?;
        let territories = keys
            .iter()
            .map(|key| {
                let counts = table.counts(key, with_synthetic);
                let count = match &need {
                    Some(id) => counts.needs.get(id).copied().unwrap_or_default(),
                    None => counts.all,
                };
                let territory = offer::describe(key, worker.tagger(), lang);
                let population = offer::population(key, worker.tagger());
                LayerOfferItem {
                    code: territory.code,
                    name: territory.name,
                    located_in: count.located_in,
                    serving: count.serving,
                    population,
                    serving_per_10000: offer::per_10000(count.serving, population),
                }
            })
            .collect();
        Ok(LayerOfferView {
            layer: layer.clone(),
            need: need
                .as_deref()
                .map(|id| offer::need_name(worker.thesaurus(), id, lang)),
            lang: lang.into(),
            synthetic: offer::synthetic_name(with_synthetic).to_owned(),
            territories,
        })
    })
    .await?;
    respond::json(&state, &view, Freshness::Search, Some(lang))
}
