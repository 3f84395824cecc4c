//! The HTTP routes: pages, assets and the embed files, with caching and security headers.

use crate::assets::{asset, Asset};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{guard, web, HttpRequest, HttpResponse};

/// CSP of Orienta's own pages: same-origin scripts, styles and API; `https:` images only
/// for the opt-in tile layer (`?tiles=`), off by default.
const PAGE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/// CSP of the widget builder (`/embed/example`): same-origin scripts (`js/builder.js`, the
/// widget) and API; the hostile demo partner's CSS is inline on purpose.
const EXAMPLE_CSP: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     object-src 'none'; base-uri 'none'";

/// GET or HEAD.
fn read() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

pub(crate) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", read().to(page))
        .route("/print", read().to(print))
        .route("/territoire/{layer}/{code}", read().to(territory))
        .route("/gebied/{layer}/{code}", read().to(territory))
        .route("/embed/widget.js", read().to(widget))
        .route("/embed/example", read().to(example))
        .route("/assets/{path:.*}", read().to(public_asset));
}

async fn page(request: HttpRequest) -> HttpResponse {
    serve_named(&request, "index.html", Some(PAGE_CSP))
}

async fn print(request: HttpRequest) -> HttpResponse {
    serve_named(&request, "print.html", Some(PAGE_CSP))
}

/// The offer of a territory (`/territoire/…`, `/gebied/…` for Dutch readers). A path that
/// names no layer or no possible code is answered 404 with the same page, which says so in
/// the reader's language; the API decides whether a well-formed code exists.
async fn territory(request: HttpRequest, path: web::Path<(String, String)>) -> HttpResponse {
    let (layer, code) = path.into_inner();
    let mut response = serve_named(&request, "territory.html", Some(PAGE_CSP));
    if !is_territory_path(&layer, &code) && response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NOT_FOUND;
    }
    response
}

/// A layer of the territory page and a code that may name one of its territories
/// (a NIS code, a quartier number or a bassin slug).
fn is_territory_path(layer: &str, code: &str) -> bool {
    matches!(layer, "communes" | "quartiers" | "bassins")
        && !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

async fn example(request: HttpRequest) -> HttpResponse {
    serve_named(&request, "example.html", Some(EXAMPLE_CSP))
}

async fn widget(request: HttpRequest) -> HttpResponse {
    let mut response = serve_named(&request, "widget.js", None);
    // Partners load it cross-origin, possibly with `crossorigin`.
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

async fn public_asset(request: HttpRequest, path: web::Path<String>) -> HttpResponse {
    match asset(&path).filter(|found| found.public) {
        Some(found) => serve(&request, found, None),
        None => not_found(&path),
    }
}

/// Serves an embedded file that has its own route; a missing one is a build mistake
/// caught by the tests, answered with 404 rather than a panic.
fn serve_named(request: &HttpRequest, path: &str, csp: Option<&'static str>) -> HttpResponse {
    match asset(path) {
        Some(found) => serve(request, found, csp),
        None => not_found(path),
    }
}

fn serve(request: &HttpRequest, found: &'static Asset, csp: Option<&'static str>) -> HttpResponse {
    let etag = found.etag();
    let fresh = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(',')
                .map(str::trim)
                .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
        });
    let mut builder = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    builder
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, found.cache.header_value()))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"));
    if let Some(policy) = csp {
        builder
            .insert_header((header::CONTENT_SECURITY_POLICY, policy))
            .insert_header((header::REFERRER_POLICY, "strict-origin-when-cross-origin"));
    }
    if fresh {
        return builder.finish();
    }
    builder
        .insert_header((header::CONTENT_TYPE, found.content_type))
        .body(found.body)
}

fn not_found(path: &str) -> HttpResponse {
    tracing::debug!(path, "no embedded asset");
    HttpResponse::NotFound()
        .insert_header((header::CONTENT_TYPE, "application/problem+json"))
        .body(
            serde_json::json!({
                "title": "not found",
                "detail": format!("no asset {path}"),
                "code": "not_found",
            })
            .to_string(),
        )
}
