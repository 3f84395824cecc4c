//! The web routes served by an actix-web app: bodies, content types, caching and 304s.

use actix_web::http::{header, StatusCode};
use actix_web::{test, App};

async fn get(path: &str) -> actix_web::dev::ServiceResponse {
    let app = test::init_service(App::new().configure(orienta_web::configure)).await;
    test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await
}

fn header_of(response: &actix_web::dev::ServiceResponse, name: header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[actix_web::test]
async fn page_is_html_with_csp_and_no_external_urls() {
    let response = get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header_of(&response, header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );
    assert_eq!(header_of(&response, header::CACHE_CONTROL), "no-cache");
    assert!(header_of(&response, header::CONTENT_SECURITY_POLICY).contains("script-src 'self'"));
    let body = test::read_body(response).await;
    let html = String::from_utf8_lossy(&body);
    assert!(html.contains("role=\"search\""));
    assert!(html.contains("/assets/vendor/leaflet-1.9.4/leaflet.js"));
    for line in html.lines() {
        let loads_remote = (line.contains("src=\"http") || line.contains("href=\"http"))
            && line.contains("<script");
        assert!(!loads_remote, "remote script in the page: {line}");
    }
}

#[actix_web::test]
async fn assets_have_content_types_and_cache_policies() {
    let cases = [
        (
            "/assets/js/app.js",
            "text/javascript; charset=utf-8",
            "public, max-age=3600",
        ),
        (
            "/assets/css/app.css",
            "text/css; charset=utf-8",
            "public, max-age=3600",
        ),
        ("/assets/icon.svg", "image/svg+xml", "public, max-age=3600"),
        (
            "/assets/vendor/leaflet-1.9.4/leaflet.js",
            "text/javascript; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        (
            "/assets/vendor/leaflet-1.9.4/images/layers.png",
            "image/png",
            "public, max-age=31536000, immutable",
        ),
        (
            "/assets/vendor/leaflet-1.9.4/LICENSE",
            "text/plain; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
    ];
    for (path, content_type, cache) in cases {
        let response = get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&response, header::CONTENT_TYPE),
            content_type,
            "{path}"
        );
        assert_eq!(header_of(&response, header::CACHE_CONTROL), cache, "{path}");
        assert_eq!(
            header_of(&response, header::X_CONTENT_TYPE_OPTIONS),
            "nosniff"
        );
        assert!(
            header_of(&response, header::ETAG).starts_with('"'),
            "{path}"
        );
    }
}

#[actix_web::test]
async fn if_none_match_gets_304_without_body() {
    let app = test::init_service(App::new().configure(orienta_web::configure)).await;
    let first = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/embed/widget.js")
            .to_request(),
    )
    .await;
    let etag = header_of(&first, header::ETAG);
    let second = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/embed/widget.js")
            .insert_header((header::IF_NONE_MATCH, etag.clone()))
            .to_request(),
    )
    .await;
    assert_eq!(second.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header_of(&second, header::ETAG), etag);
    assert!(test::read_body(second).await.is_empty());
    let stale = test::call_service(
        &app,
        test::TestRequest::get()
            .uri("/embed/widget.js")
            .insert_header((header::IF_NONE_MATCH, "\"0000000000000000\""))
            .to_request(),
    )
    .await;
    assert_eq!(stale.status(), StatusCode::OK);
}

#[actix_web::test]
async fn widget_example_and_print_are_served() {
    let widget = get("/embed/widget.js").await;
    assert_eq!(
        header_of(&widget, header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(header_of(&widget, header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
    let source = test::read_body(widget).await;
    assert!(String::from_utf8_lossy(&source).contains("attachShadow"));

    let example = test::read_body(get("/embed/example").await).await;
    let example = String::from_utf8_lossy(&example);
    assert_eq!(example.matches("<div data-orienta-widget ").count(), 2);
    assert!(example.contains("data-lang=\"fr\"") && example.contains("data-lang=\"nl\""));

    let print = get("/print").await;
    assert_eq!(print.status(), StatusCode::OK);
    let print = test::read_body(print).await;
    assert!(String::from_utf8_lossy(&print).contains("/assets/js/print.js"));
}

#[actix_web::test]
async fn territory_pages_are_served_with_the_page_csp() {
    for path in [
        "/territoire/bassins/nord",
        "/territoire/communes/21015?lang=fr",
        "/gebied/quartiers/24",
    ] {
        let response = get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            header_of(&response, header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        assert!(
            header_of(&response, header::CONTENT_SECURITY_POLICY).contains("script-src 'self'"),
            "{path}"
        );
        let body = test::read_body(response).await;
        assert!(String::from_utf8_lossy(&body).contains("/assets/js/territory.js"));
    }
    // A path naming no layer or no possible code: 404, the page saying so in the reader's language.
    for path in ["/territoire/rues/12", "/gebied/communes/a%20b"] {
        let response = get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(
            header_of(&response, header::CONTENT_SECURITY_POLICY).contains("default-src 'self'")
        );
        let body = test::read_body(response).await;
        assert!(String::from_utf8_lossy(&body).contains("/assets/js/territory.js"));
    }
}

#[actix_web::test]
async fn unknown_and_private_paths_are_404_problems() {
    for path in [
        "/assets/nope.js",
        "/assets/index.html",
        "/assets/../Cargo.toml",
        "/assets/",
    ] {
        let response = get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            header_of(&response, header::CONTENT_TYPE),
            "application/problem+json"
        );
    }
}

#[actix_web::test]
async fn head_requests_are_answered() {
    let app = test::init_service(App::new().configure(orienta_web::configure)).await;
    let response = test::call_service(
        &app,
        test::TestRequest::default()
            .method(actix_web::http::Method::HEAD)
            .uri("/assets/css/print.css")
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}
