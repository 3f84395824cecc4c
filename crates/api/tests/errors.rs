//! Every error code, answered as problem+json; no input causes a 5xx.

use crate::support::{shared, ADMIN_KEY, PARTNER_KEY};
use serde_json::Value;

/// Checks a problem answer and returns it.
pub fn problem(response: reqwest::blocking::Response, status: u16, code: &str) -> Value {
    assert_eq!(response.status().as_u16(), status, "{}", response.url());
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: Value = response.json().unwrap();
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status);
    assert_eq!(body["type"], format!("urn:orienta:problem:{code}"));
    assert!(!body["title"].as_str().unwrap().is_empty());
    assert!(body["detail"].as_str().unwrap().len() > 10);
    body
}

#[test]
fn every_bad_parameter_has_its_code() {
    let long_query = "a".repeat(501);
    let cases: Vec<(String, &str, &str)> = vec![
        ("/v1/search?near=abc".into(), "invalid_coordinates", "near"),
        (
            "/v1/search?near=50.85".into(),
            "invalid_coordinates",
            "near",
        ),
        ("/v1/search?near=91,4".into(), "invalid_coordinates", "near"),
        (
            "/v1/search?near=NaN,4.3".into(),
            "invalid_coordinates",
            "near",
        ),
        (
            "/v1/search?near=50.85,4.35&radius=0".into(),
            "invalid_radius",
            "radius",
        ),
        (
            "/v1/search?near=50.85,4.35&radius=-5".into(),
            "invalid_radius",
            "radius",
        ),
        (
            "/v1/search?near=50.85,4.35&radius=50001".into(),
            "invalid_radius",
            "radius",
        ),
        (
            "/v1/search?near=50.85,4.35&radius=far".into(),
            "invalid_radius",
            "radius",
        ),
        ("/v1/search?radius=1000".into(), "missing_parameter", "near"),
        (
            "/v1/search?sort=distance".into(),
            "missing_parameter",
            "near",
        ),
        (
            "/v1/search?bassin=atlantis".into(),
            "unknown_bassin",
            "bassin",
        ),
        ("/v1/search?need=unicorns".into(), "unknown_need", "need"),
        (
            "/v1/search?need=food-aid,unicorns".into(),
            "unknown_need",
            "need",
        ),
        (
            "/v1/search?language=xx".into(),
            "unknown_language",
            "language",
        ),
        (
            "/v1/search?language=french".into(),
            "unknown_language",
            "language",
        ),
        (
            "/v1/search?per_page=101".into(),
            "invalid_per_page",
            "per_page",
        ),
        (
            "/v1/search?per_page=0".into(),
            "invalid_per_page",
            "per_page",
        ),
        (
            "/v1/search?per_page=ten".into(),
            "invalid_per_page",
            "per_page",
        ),
        ("/v1/search?page=0".into(), "invalid_page", "page"),
        ("/v1/search?page=-1".into(), "invalid_page", "page"),
        (
            "/v1/search?page=99999999999999999999999".into(),
            "invalid_page",
            "page",
        ),
        (
            "/v1/search?page=2000&per_page=100".into(),
            "invalid_page",
            "page",
        ),
        (
            "/v1/search?open_at=yesterday".into(),
            "invalid_date",
            "open_at",
        ),
        (
            "/v1/search?open_at=2026-02-30T10:00".into(),
            "invalid_date",
            "open_at",
        ),
        (format!("/v1/search?q={long_query}"), "query_too_long", "q"),
        (
            "/v1/search?format=xml".into(),
            "unknown_parameter_value",
            "format",
        ),
        (
            "/v1/search?sort=best".into(),
            "unknown_parameter_value",
            "sort",
        ),
        (
            "/v1/search?synthetic=maybe".into(),
            "unknown_parameter_value",
            "synthetic",
        ),
        (
            "/v1/search?lang=de".into(),
            "unknown_parameter_value",
            "lang",
        ),
        (
            "/v1/search?stepped_care=perhaps".into(),
            "unknown_parameter_value",
            "stepped_care",
        ),
        (
            "/v1/search?open_now=sometimes".into(),
            "unknown_parameter_value",
            "open_now",
        ),
        (
            "/v1/search?audience=aliens".into(),
            "unknown_parameter_value",
            "audience",
        ),
        (
            "/v1/search?commune=99999".into(),
            "unknown_parameter_value",
            "commune",
        ),
        (
            "/v1/search?quartier=abc".into(),
            "unknown_parameter_value",
            "quartier",
        ),
        (
            "/v1/search?quartier=99999".into(),
            "unknown_parameter_value",
            "quartier",
        ),
        (
            "/v1/territory?lat=0&lon=0".into(),
            "invalid_coordinates",
            "lat",
        ),
        (
            "/v1/territory?lat=abc&lon=4.35".into(),
            "invalid_coordinates",
            "lat",
        ),
        ("/v1/territory?lon=4.35".into(), "missing_parameter", "lat"),
        (
            "/v1/changes?since=last-tuesday".into(),
            "invalid_date",
            "since",
        ),
        (
            "/v1/changes?per_page=1000".into(),
            "invalid_per_page",
            "per_page",
        ),
        ("/v1/suggest".into(), "missing_parameter", "q"),
        (
            "/v1/suggest?q=aide&limit=0".into(),
            "unknown_parameter_value",
            "limit",
        ),
        (
            "/v1/needs?lang=xx".into(),
            "unknown_parameter_value",
            "lang",
        ),
        (
            "/hsds/services?proximity=1000".into(),
            "missing_parameter",
            "postcode",
        ),
        (
            "/hsds/services?postcode=9999".into(),
            "unknown_parameter_value",
            "postcode",
        ),
        (
            "/hsds/services?postcode=1030&proximity=0".into(),
            "invalid_radius",
            "proximity",
        ),
        (
            "/hsds/services?taxonomy_term_id=zzz".into(),
            "unknown_need",
            "taxonomy_term_id",
        ),
        (
            "/hsds/services?modified_after=soon".into(),
            "invalid_date",
            "modified_after",
        ),
        (
            "/hsds/organizations?per_page=500".into(),
            "invalid_per_page",
            "per_page",
        ),
        (
            "/hsds/service_at_locations?page=0".into(),
            "invalid_page",
            "page",
        ),
    ];
    let server = shared();
    for (path, code, parameter) in cases {
        let body = problem(server.get(&path), 400, code);
        assert_eq!(body["parameter"], parameter, "{path}");
    }
}

#[test]
fn details_are_bilingual_and_name_swapped_coordinates() {
    let body = problem(
        shared().get("/v1/search?near=4.35,50.85"),
        400,
        "invalid_coordinates",
    );
    assert!(body["detail"].as_str().unwrap().contains("swapped"));
    assert!(body["detail_fr"].as_str().unwrap().contains("50.85,4.35"));
    assert!(body["detail_nl"].is_string());
}

#[test]
fn unknown_resources_are_not_found_problems() {
    let server = shared();
    for path in [
        "/v1/organisations/does-not-exist",
        "/v1/organisations/00000000-0000-0000-0000-000000000000",
        "/v1/territories/rivers",
        "/v1/nothing-here",
        "/nothing/at/all",
        "/hsds/services/00000000-0000-0000-0000-000000000000",
        "/hsds/organizations/nope",
    ] {
        problem(server.get(path), 404, "not_found");
    }
    let long_id = format!("/v1/organisations/{}", "x".repeat(5000));
    problem(server.get(&long_id), 404, "not_found");
}

#[test]
fn keys_and_payloads() {
    let server = shared();
    let unknown_key = server
        .client
        .get(server.url("/v1/search"))
        .header("x-api-key", "nope")
        .send()
        .unwrap();
    problem(unknown_key, 401, "unauthorized");
    problem(server.get("/v1/search?api_key=nope"), 401, "unauthorized");
    let anonymous = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .send()
        .unwrap();
    problem(anonymous, 401, "unauthorized");
    let partner = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .header("x-api-key", PARTNER_KEY)
        .send()
        .unwrap();
    problem(partner, 403, "forbidden");
    let admin = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .header("x-api-key", ADMIN_KEY)
        .send()
        .unwrap();
    problem(admin, 503, "reindex_unavailable");
    let large = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .header("x-api-key", ADMIN_KEY)
        .body(vec![b'x'; 4096])
        .send()
        .unwrap();
    problem(large, 413, "payload_too_large");
}

#[test]
fn no_input_causes_a_server_error() {
    let server = shared();
    let nasty = [
        "/v1/search?q=%00%FF%FE",
        "/v1/search?q=%zz%",
        "/v1/search?q=*:*%20AND%20OR%20NOT%20(",
        "/v1/search?q=%22%22%22%22",
        "/v1/search?q=%F0%9F%8D%9E%F0%9F%8F%A0",
        "/v1/search?q=-&need=&language=&bassin=",
        "/v1/search?q=a&q=b&page=1&page=2",
        "/v1/search?near=1e308,1e308",
        "/v1/search?near=50.85,4.35&radius=1e-300",
        "/v1/search?near=,",
        "/v1/search?per_page=100&page=1000",
        "/v1/search?open_at=9999-12-31T23:59:59Z",
        "/v1/search?open_at=0000-01-01",
        "/v1/search?q=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9",
        "/v1/search?%=%&&&=&==",
        "/v1/suggest?q=%00",
        "/v1/suggest?q=*",
        "/v1/suggest?q=%E2%80%8B",
        "/v1/organisations/%00",
        "/v1/organisations/..%2F..%2Fetc%2Fpasswd",
        "/v1/territory?lat=1e400&lon=4",
        "/v1/changes?since=99999999999999999999999999",
        "/v1/changes?since=-1",
        "/hsds/services?search=%00&postcode=%00",
        "/hsds/service_at_locations?postcode=1000&proximity=50000",
        "/hsds/services?modified_after=2026-01-01T00:00:00Z&search=cpas&taxonomy_term_id=cpas",
        "/docs/nothing",
    ];
    for path in nasty {
        let response = server.get(path);
        assert!(
            response.status().as_u16() < 500,
            "{path} gave {}",
            response.status()
        );
    }
    let wrong_method = server
        .client
        .delete(server.url("/v1/search"))
        .send()
        .unwrap();
    assert!(wrong_method.status().as_u16() < 500);
    let bad_header = server
        .client
        .get(server.url("/v1/search"))
        .header("accept-language", "\u{7f}")
        .send();
    if let Ok(response) = bad_header {
        assert!(response.status().as_u16() < 500);
    }
}
