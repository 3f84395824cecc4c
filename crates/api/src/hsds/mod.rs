//! The HSDS 3.0 view under `/hsds`: services, organizations and service-at-locations in
//! the Open Referral shapes, one language per answer (`?lang=fr|nl|en`, default fr). A
//! partner key's fixed filters restrict every list and entity, as in `/v1/search`.

pub mod map;
pub mod model;
pub mod query;
pub mod scope;

use crate::error::{ApiError, Problem};
use crate::params::QueryParams;
use crate::respond::{self, Freshness};
use crate::search::spec;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use map::MapContext;
use model::{ApiInfo, Organization, Page, Service, ServiceAtLocation};
use orienta_model::Organisation;
use query::HsdsQuery;
use scope::Allowed;
use serde::Serialize;
use utoipa::IntoParams;

/// The HSDS list parameters (filters combine with AND). Only `postcode` carries an
/// example: "Try it out" starts from a list that finds something.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct HsdsListParams {
    /// Full-text search (FR or NL).
    #[param(max_length = 500)]
    search: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1)]
    page: Option<u32>,
    /// Entities per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// Only entities modified on or after this date-time (RFC 3339), like
    /// `2026-01-01T00:00:00Z`.
    modified_after: Option<String>,
    /// A Brussels postcode: its communes, or with `proximity` a circle around its centre.
    #[param(example = "1030")]
    postcode: Option<String>,
    /// Metres from the postcode's centre or the place's point (1–50000; needs `postcode`
    /// or a point `place`; 1000 around a point place when absent).
    #[param(minimum = 1, maximum = 50000)]
    proximity: Option<f64>,
    /// A place id from `GET /v1/places` (an Orienta extension), instead of `postcode`: a
    /// street, address or postcode gives a circle of `proximity` metres, a commune, quartier
    /// or bassin its territory. Like `commune:21015`; not with `postcode`.
    place: Option<String>,
    /// A taxonomy term id (UUID) or a need id (like `food-aid`).
    taxonomy_term_id: Option<String>,
    /// Only this organization's entities (UUID).
    organization_id: Option<String>,
    /// Language of the texts: `fr` (default), `nl` or `en`.
    #[param(value_type = Option<String>, pattern = "^(fr|nl|en)$")]
    lang: Option<String>,
}

/// The language parameter of single entities.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct HsdsLangParam {
    /// Language of the texts: `fr` (default), `nl` or `en`.
    #[param(value_type = Option<String>, pattern = "^(fr|nl|en)$")]
    lang: Option<String>,
}

/// HSDS API information.
#[utoipa::path(
    tag = "hsds",
    responses((status = 200, description = "This API's HSDS version and OpenAPI document", body = ApiInfo)),
)]
#[get("/")]
pub async fn info(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let (base, from_host) = public_base(&request, state.config());
    let answer = ApiInfo {
        version: "3.0".to_owned(),
        profile: "https://docs.openreferral.org/en/latest/hsds/".to_owned(),
        openapi_url: format!("{base}/openapi.json"),
    };
    let mut response = respond::json(&state, &answer, Freshness::Reference, None)?;
    if from_host {
        response.headers_mut().insert(
            actix_web::http::header::VARY,
            actix_web::http::header::HeaderValue::from_static("X-Api-Key, Host"),
        );
    }
    Ok(response)
}

/// The base of absolute links: `public_url`, else the request's `Host` when it is one of
/// `allowed_hosts` (then `true`: the answer varies with `Host`), else the first bound
/// address. `X-Forwarded-Host` and other hosts are never used.
pub fn public_base(request: &HttpRequest, config: &crate::config::ServerConfig) -> (String, bool) {
    if let Some(url) = &config.public_url {
        return (url.trim_end_matches('/').to_owned(), false);
    }
    let host = request
        .headers()
        .get(actix_web::http::header::HOST)
        .and_then(|value| value.to_str().ok())
        .map(|host| host.trim().to_ascii_lowercase());
    if let Some(host) = host.filter(|host| {
        config
            .allowed_hosts
            .iter()
            .any(|allowed| allowed.eq_ignore_ascii_case(host))
    }) {
        let scheme = request.connection_info().scheme().to_owned();
        let scheme = if scheme == "https" { "https" } else { "http" };
        return (format!("{scheme}://{host}"), true);
    }
    let bound = config.bind.first().map_or("127.0.0.1:8080", String::as_str);
    (format!("http://{bound}"), false)
}

/// Which entities a list request returns.
#[derive(Clone, Copy)]
enum ListKind {
    /// One default service per organisation.
    Services,
    /// Organisations.
    Organizations,
    /// One service-at-location per location.
    ServiceAtLocations,
}

/// Runs a list request on the blocking pool and renders the page.
async fn list(
    request: HttpRequest,
    state: web::Data<AppState>,
    kind: ListKind,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let mut hsds = HsdsQuery::parse(&params, state.thesaurus(), state.tagger(), state.geocoder())?;
    let caller = crate::middleware::caller::caller_of(&request);
    let nothing = caller
        .filters()
        .is_some_and(|fixed| !spec::restrict_to(&mut hsds.request, fixed, state.thesaurus()));
    let lang = hsds.lang;
    let worker_state = state.clone();
    let body = respond::blocking(&state, move || {
        list_body(&worker_state, &hsds, kind, nothing)
    })
    .await?;
    Ok(respond::body(
        &state,
        body,
        respond::JSON,
        Freshness::Search,
        Some(lang),
    ))
}

/// A record on the page, with the location it matched at and when it last changed.
struct Loaded {
    /// The organisation.
    organisation: Organisation,
    /// The location that matched.
    location_index: usize,
    /// When the record last changed.
    modified: DateTime<Utc>,
}

/// The JSON page of a list request (empty when the partner's filters allow nothing).
fn list_body(
    state: &AppState,
    hsds: &HsdsQuery,
    kind: ListKind,
    nothing: bool,
) -> Result<Vec<u8>, ApiError> {
    let index = state.index();
    let catalogue = state.catalogue(&index)?;
    let mut matches = if nothing {
        Vec::new()
    } else {
        query::matching(&index, hsds, &catalogue)?
    };
    if !matches!(kind, ListKind::ServiceAtLocations) {
        matches = query::per_organisation(matches, catalogue.ids.len());
    }
    let total = matches.len();
    let offset = (hsds.page - 1) * hsds.per_page;
    let page: Vec<_> = matches.iter().skip(offset).take(hsds.per_page).collect();
    let mut loaded = Vec::with_capacity(page.len());
    for found in page {
        let (organisation, location_index) = query::load(&index, found.address)?;
        loaded.push(Loaded {
            organisation,
            location_index,
            modified: catalogue.modified_at(found.org),
        });
    }
    let context = MapContext {
        thesaurus: state.thesaurus(),
        lang: hsds.lang,
    };
    let pages = PageOf { total, hsds };
    let body = match kind {
        ListKind::Services => pages.render(
            loaded
                .iter()
                .map(|record| map::service(&record.organisation, record.modified, &context)),
        ),
        ListKind::Organizations => pages.render(
            loaded
                .iter()
                .map(|record| map::organization(&record.organisation, record.modified, &context)),
        ),
        ListKind::ServiceAtLocations => pages.render(loaded.iter().filter_map(|record| {
            map::service_at_locations(&record.organisation, hsds.lang)
                .into_iter()
                .nth(record.location_index)
        })),
    };
    body.map_err(ApiError::internal)
}

/// What every page of one list request shares.
struct PageOf<'a> {
    /// Entities matching in all.
    total: usize,
    /// The request (page and page size).
    hsds: &'a HsdsQuery,
}

impl PageOf<'_> {
    /// The page of `contents` as JSON.
    fn render<T: Serialize + utoipa::ToSchema>(
        &self,
        contents: impl Iterator<Item = T>,
    ) -> serde_json::Result<Vec<u8>> {
        let contents: Vec<T> = contents.collect();
        serde_json::to_vec(&Page::new(
            contents,
            self.total,
            self.hsds.page,
            self.hsds.per_page,
        ))
    }
}

/// Services (one default service per organisation).
#[utoipa::path(
    tag = "hsds",
    params(HsdsListParams),
    responses(
        (status = 200, description = "A page of services", body = Page<Service>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/services")]
pub async fn services(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    list(request, state, ListKind::Services).await
}

/// Organizations, with their locations and default service.
#[utoipa::path(
    tag = "hsds",
    params(HsdsListParams),
    responses(
        (status = 200, description = "A page of organizations", body = Page<Organization>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/organizations")]
pub async fn organizations(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    list(request, state, ListKind::Organizations).await
}

/// Services at locations (one per organisation location).
#[utoipa::path(
    tag = "hsds",
    params(HsdsListParams),
    responses(
        (status = 200, description = "A page of services at locations", body = Page<ServiceAtLocation>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/service_at_locations")]
pub async fn service_at_locations(
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    list(request, state, ListKind::ServiceAtLocations).await
}

/// Loads the organisation behind an HSDS id.
async fn entity<T: serde::Serialize + Send + 'static>(
    id: String,
    request: HttpRequest,
    state: web::Data<AppState>,
    what: &'static str,
    build: fn(&orienta_model::Organisation, chrono::DateTime<chrono::Utc>, &MapContext<'_>) -> T,
) -> Result<HttpResponse, ApiError> {
    let params = QueryParams::parse(request.query_string())?;
    let lang = query::lang(&params)?;
    let caller = crate::middleware::caller::caller_of(&request);
    let scope = caller
        .filters()
        .map(|fixed| (caller.name().to_owned(), fixed.clone()));
    let worker_state = state.clone();
    let entity = respond::blocking(&state, move || {
        let index = worker_state.index();
        let catalogue = worker_state.catalogue(&index)?;
        let not_found = || ApiError::not_found(&format!("{what} `{}`", crate::error::excerpt(&id)));
        let number = *catalogue.hsds_ids.get(&id).ok_or_else(not_found)?;
        if let Some((partner, fixed)) = &scope {
            let allowed =
                Allowed::of(&index, &catalogue, partner, fixed, worker_state.thesaurus())?;
            if !allowed.number(number) {
                return Err(not_found());
            }
        }
        let organisation = index
            .organisation(catalogue.id(number))
            .map_err(ApiError::index)?
            .ok_or_else(not_found)?;
        let context = MapContext {
            thesaurus: worker_state.thesaurus(),
            lang,
        };
        Ok(build(
            &organisation,
            catalogue.modified_at(number),
            &context,
        ))
    })
    .await?;
    respond::json(&state, &entity, Freshness::Search, Some(lang))
}

/// One service, with its locations and organization.
#[utoipa::path(
    tag = "hsds",
    params(("id" = String, Path, description = "Service id (UUID)"), HsdsLangParam),
    responses(
        (status = 200, description = "The service", body = Service),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid lang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/services/{id}")]
pub async fn service(
    id: web::Path<String>,
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    entity(
        id.into_inner(),
        request,
        state,
        "service",
        |organisation, modified, context| {
            let mut found = map::service(organisation, modified, context);
            found.service_at_locations =
                Some(map::service_at_locations(organisation, context.lang));
            let mut owner = map::organization(organisation, modified, context);
            owner.services.clear();
            found.organization = Some(Box::new(owner));
            found
        },
    )
    .await
}

/// One organization, with its locations and default service.
#[utoipa::path(
    tag = "hsds",
    params(("id" = String, Path, description = "Organization id (UUID)"), HsdsLangParam),
    responses(
        (status = 200, description = "The organization", body = Organization),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Invalid lang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organization", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/organizations/{id}")]
pub async fn organization(
    id: web::Path<String>,
    request: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    entity(
        id.into_inner(),
        request,
        state,
        "organization",
        map::organization,
    )
    .await
}
