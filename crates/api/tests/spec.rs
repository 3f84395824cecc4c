//! The committed OpenAPI document matches the code; it is served as JSON and YAML.

use crate::support::shared;
use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../api-spec/openapi.yaml")
}

/// Fails when `api-spec/openapi.yaml` differs from the generated document;
/// `UPDATE_OPENAPI=1 cargo test -p orienta-api --test integration spec` rewrites it.
#[test]
fn committed_openapi_has_not_drifted() {
    let generated = orienta_api::openapi_yaml();
    let path = committed_path();
    if std::env::var("UPDATE_OPENAPI").is_ok_and(|value| value == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "api-spec/openapi.yaml is out of date: run UPDATE_OPENAPI=1 cargo test -p orienta-api --test integration spec, review and commit"
    );
}

#[test]
fn every_endpoint_is_documented_with_its_errors() {
    let document = serde_json::to_value(orienta_api::openapi()).unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = document["paths"].as_object().unwrap();
    for path in [
        "/v1/search",
        "/v1/organisations/{id}",
        "/v1/suggest",
        "/v1/needs",
        "/v1/territories/{layer}",
        "/v1/territory",
        "/v1/changes",
        "/v1/admin/reindex",
        "/hsds/",
        "/hsds/services",
        "/hsds/services/{id}",
        "/hsds/organizations",
        "/hsds/organizations/{id}",
        "/hsds/service_at_locations",
        "/healthz",
        "/readyz",
        "/metrics",
        "/openapi.json",
        "/openapi.yaml",
        "/docs",
    ] {
        assert!(paths.contains_key(path), "{path} is not documented");
    }
    let search = &paths["/v1/search"]["get"];
    let parameters: Vec<&str> = search["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "q",
        "lang",
        "need",
        "language",
        "audience",
        "commune",
        "quartier",
        "qss",
        "bassin",
        "near",
        "radius",
        "sort",
        "open_at",
        "open_now",
        "synthetic",
        "stepped_care",
        "page",
        "per_page",
        "format",
    ] {
        assert!(
            parameters.contains(&name),
            "search parameter {name} is not documented"
        );
    }
    for status in ["200", "400", "401", "429", "503"] {
        assert!(
            search["responses"].get(status).is_some(),
            "search response {status} is not documented"
        );
    }
    let codes = &document["components"]["schemas"]["ErrorCode"];
    let codes = serde_json::to_string(codes).unwrap();
    for code in [
        "invalid_coordinates",
        "rate_limited",
        "payload_too_large",
        "unknown_parameter_value",
    ] {
        assert!(codes.contains(code), "{code} missing from ErrorCode");
    }
    let served = shared().json("/openapi.json");
    assert_eq!(served, document);
    let yaml = shared().get("/openapi.yaml").text().unwrap();
    assert_eq!(yaml, orienta_api::openapi_yaml());
}
