//! The documented API: every endpoint ([`configure_api`]), the OpenAPI 3.1 document
//! generated from those handlers (utoipa + utoipa-actix-web), and the endpoints serving it:
//! `/openapi.json`, `/openapi.yaml` and the offline `/docs` page.

pub mod examples;

use crate::error::{ErrorCode, Problem};
use crate::respond::{self, Freshness};
use crate::state::AppState;
use crate::{hsds, routes, search};
use actix_web::guard::Get;
use actix_web::{get, web, HttpResponse};
use std::sync::OnceLock;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, ResponseBuilder};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_actix_web::{scope, service_config::ServiceConfig};

const DESCRIPTION: &str = "\
The social-health service directory of the Brussels-Capital Region: bilingual FR/NL search \
over organisations and their locations, need concepts, territories (communes, Monitoring \
quartiers, bassins d'aide et de soins), a change feed and an Open Referral HSDS 3.0 view.

## Access

Open to all: no key is needed and CORS is open for GET. Partners may send an `X-Api-Key` \
header for their own rate limit and fixed filters, which apply to every read endpoint \
(search, suggest, records, HSDS). An unknown key is `401` everywhere. The `api_key` query \
parameter is deprecated: partner keys sent that way are answered with `Deprecation` and \
`Warning` headers, admin keys are refused (`400 api_key_in_query`).

## Limits and errors

Bounds: query strings longer than 4 KiB are `414 query_string_too_long`; repeated \
parameters are deduplicated and capped (`400 too_many_values`). A known path asked with \
another method is `405` with `Allow`.

Errors are `application/problem+json` documents (RFC 9457) with a stable `code` (see the \
`ErrorCode` schema), the `parameter` at fault and a `detail` saying what to send instead, \
in English with French (`detail_fr`) and Dutch (`detail_nl`) translations. Each error \
response below shows what the server answers for it.

## Caching and rate limits

Responses carry an `ETag` (send it back in `If-None-Match` for a `304`), `Cache-Control`, \
`Vary` (`Accept-Language`, `X-Api-Key`) and an `X-Request-Id` (the client's own when it is \
a short token `[A-Za-z0-9._-]{1,64}`, else a generated one). Requests are rate limited per \
client (429 with `Retry-After`); every 503 carries `Retry-After` too.";

/// The document root; paths are collected from the services.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Orienta API",
        description = DESCRIPTION,
        license(name = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "search", description = "Find services"),
        (name = "records", description = "Organisations and the change feed"),
        (name = "reference", description = "Needs, autocomplete and territories"),
        (name = "hsds", description = "Open Referral HSDS 3.0 view (one language per answer)"),
        (name = "admin", description = "Administration (admin key)"),
        (name = "operations", description = "Probes and metrics"),
        (name = "meta", description = "This specification"),
    ),
    components(schemas(Problem, ErrorCode, crate::routes::territory::Layer)),
)]
struct ApiDoc;

fn problem_response(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .build()
}

/// Adds the responses every rate-limited endpoint may give (and `413` where a body is
/// read), the API key scheme, `Retry-After` on every `429` and `503`, and the examples.
fn finish(mut document: Document) -> Document {
    document.info.version = env!("CARGO_PKG_VERSION").to_owned();
    let components = document.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "api_key",
        SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
            "X-Api-Key",
            "A partner or admin key (the `api_key` query parameter is deprecated for partner keys and refused for admin keys)",
        ))),
    );
    for (path, item) in document.paths.paths.iter_mut() {
        let limited = path.starts_with("/v1") || path.starts_with("/hsds");
        let operations: [&mut Option<Operation>; 2] = [&mut item.get, &mut item.post];
        for operation in operations.into_iter().flatten() {
            let with_body = operation.request_body.is_some();
            let responses = &mut operation.responses.responses;
            if limited {
                add_limited_responses(responses);
            }
            if with_body {
                responses.entry("413".to_owned()).or_insert_with(|| {
                    problem_response("The request body is larger than the server accepts").into()
                });
            }
            for (status, response) in responses.iter_mut() {
                if let (RefOr::T(response), "429" | "503") = (response, status.as_str()) {
                    add_retry_after(response);
                }
            }
        }
    }
    examples::apply(&mut document);
    document
}

/// The `401`, `414`, `429` and `503` every rate-limited endpoint may answer.
fn add_limited_responses(
    responses: &mut std::collections::BTreeMap<String, RefOr<utoipa::openapi::Response>>,
) {
    let shared = [
        ("429", "Too many requests: wait `Retry-After` seconds"),
        (
            "503",
            "The request took too long (`timeout`) or the index cannot be read \
             (`index_unavailable`): retry after `Retry-After` seconds",
        ),
        ("401", "The API key sent is unknown"),
        ("414", "The query string is longer than the server accepts"),
    ];
    for (status, description) in shared {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| problem_response(description).into());
    }
}

/// Documents the `Retry-After` header of a `429` or `503`.
fn add_retry_after(response: &mut utoipa::openapi::Response) {
    response
        .headers
        .entry("Retry-After".to_owned())
        .or_insert_with(|| {
            HeaderBuilder::new()
                .schema(Some(
                    utoipa::openapi::ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::Type::Integer),
                ))
                .description(Some("Seconds to wait before retrying"))
                .build()
                .into()
        });
}

/// Registers every documented endpoint (what the OpenAPI document is generated from).
pub fn configure_api(config: &mut ServiceConfig) {
    config
        .service(
            scope("/v1")
                .service(search::search)
                .service(routes::organisations::organisation)
                .service(routes::needs::suggest)
                .service(routes::needs::needs)
                .service(routes::territory::territories)
                .service(routes::offer::layer_offer)
                .service(routes::offer::territory_offer)
                .service(routes::territory::territory)
                .service(routes::places::places)
                .service(routes::places::place_by_id)
                .service(routes::changes::changes)
                .service(routes::admin::start_reindex)
                .service(routes::admin::reindex_status),
        )
        .service(
            scope("/hsds")
                .service(hsds::info)
                .service(hsds::services)
                .service(hsds::service)
                .service(hsds::organizations)
                .service(hsds::organization)
                .service(hsds::service_at_locations),
        )
        .service(routes::ops::healthz)
        .service(routes::ops::readyz)
        .service(routes::ops::metrics)
        .service(spec_json)
        .service(spec_yaml)
        .service(docs_redirect);
}

/// The OpenAPI document of the API.
pub fn openapi() -> Document {
    static DOCUMENT: OnceLock<Document> = OnceLock::new();
    DOCUMENT
        .get_or_init(|| {
            let (_, document) = actix_web::App::new()
                .into_utoipa_app()
                .openapi(ApiDoc::openapi())
                .configure(configure_api)
                .split_for_parts();
            finish(document)
        })
        .clone()
}

/// The OpenAPI document as YAML (what `api-spec/openapi.yaml` holds).
pub fn openapi_yaml() -> String {
    openapi()
        .to_yaml()
        .unwrap_or_else(|error| format!("# cannot render the specification: {error}\n"))
}

fn openapi_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| openapi().to_pretty_json().unwrap_or_default())
}

/// The OpenAPI document (JSON).
#[utoipa::path(
    tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1", body = Object, content_type = "application/json")),
)]
#[get("/openapi.json")]
pub async fn spec_json(state: web::Data<AppState>) -> HttpResponse {
    respond::body(
        &state,
        openapi_json(),
        respond::JSON,
        Freshness::Reference,
        None,
    )
}

/// The OpenAPI document (YAML).
#[utoipa::path(
    tag = "meta",
    responses((status = 200, description = "OpenAPI 3.1", body = Object, content_type = "application/yaml")),
)]
#[get("/openapi.yaml")]
pub async fn spec_yaml(state: web::Data<AppState>) -> HttpResponse {
    static YAML: OnceLock<String> = OnceLock::new();
    let yaml = YAML.get_or_init(openapi_yaml).as_str();
    respond::body(&state, yaml, "application/yaml", Freshness::Reference, None)
}

/// The documentation page (Swagger UI, served from the binary: works offline).
#[utoipa::path(
    tag = "meta",
    responses((status = 308, description = "Redirect to /docs/")),
)]
#[get("/docs")]
pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/docs/"))
        .finish()
}

/// The documentation page: Swagger UI in a `main` landmark, with [`DOCS_CSS`] and
/// [`DOCS_JS`].
const DOCS_HTML: &str = include_str!("openapi/docs.html");

/// The docs page's colours over Swagger UI's theme (WCAG AA contrast).
const DOCS_CSS: &str = include_str!("openapi/docs.css");

/// Names the controls Swagger UI leaves unnamed, as it renders them.
const DOCS_JS: &str = include_str!("openapi/docs.js");

/// The docs page loads only its own scripts and styles (Swagger UI sets style attributes).
const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

async fn docs_page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((actix_web::http::header::CONTENT_SECURITY_POLICY, DOCS_CSP))
        .body(DOCS_HTML)
}

async fn docs_stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .body(DOCS_CSS)
}

async fn docs_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .body(DOCS_JS)
}

/// The Swagger UI service at `/docs/` (the page, its stylesheet and script first, then
/// Swagger UI's own files).
pub fn swagger_ui() -> impl actix_web::dev::HttpServiceFactory {
    let config = utoipa_swagger_ui::Config::new(["/openapi.json"])
        .validator_url("none")
        .use_base_layout()
        .try_it_out_enabled(true);
    // GET only, as Swagger UI's files: other methods fall through to the `not_found` problem.
    let resource = |paths: &'static [&'static str]| web::resource(paths.to_vec()).guard(Get());
    (
        resource(&["/docs/", "/docs/index.html"]).to(docs_page),
        resource(&["/docs/orienta-docs.css"]).to(docs_stylesheet),
        resource(&["/docs/orienta-docs.js"]).to(docs_script),
        utoipa_swagger_ui::SwaggerUi::new("/docs/{_:.*}").config(config),
    )
}
