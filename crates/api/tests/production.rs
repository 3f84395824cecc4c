//! Production behaviour: caching validators, CORS, compression, request ids, probes,
//! metrics, rate limiting, partner keys and admin reindexing.

use crate::errors::problem;
use crate::support::{config, shared, start, ADMIN_KEY, PARTNER_KEY};
use serde_json::Value;
use std::time::{Duration, Instant};

#[test]
fn etag_and_not_modified() {
    let server = shared();
    for path in [
        "/v1/search?q=cpas",
        "/v1/needs",
        "/v1/territories/bassins",
        "/hsds/services",
    ] {
        let first = server.get(path);
        assert_eq!(first.status(), 200);
        let etag = first.headers()["etag"].to_str().unwrap().to_owned();
        assert!(etag.starts_with("W/\""), "{etag}");
        assert!(first.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public, max-age="));
        let again = server
            .client
            .get(server.url(path))
            .header("if-none-match", &etag)
            .send()
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"], etag.as_str());
        assert!(again.bytes().unwrap().is_empty());
        let changed = server
            .client
            .get(server.url(path))
            .header("if-none-match", "W/\"other\"")
            .send()
            .unwrap();
        assert_eq!(changed.status(), 200);
    }
    let searches = server.get("/v1/search").headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    let needs = server.get("/v1/needs").headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(searches, needs, "reference data is cached longer");
}

#[test]
fn head_answers_like_get_without_a_body() {
    let server = shared();
    for path in [
        "/v1/search?q=cpas",
        "/v1/needs",
        "/hsds/services",
        "/healthz",
    ] {
        let get = server.get(path);
        let head = server.client.head(server.url(path)).send().unwrap();
        assert_eq!(head.status(), get.status(), "{path}");
        assert_eq!(head.status(), 200, "{path}");
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "{path}"
        );
        assert_eq!(
            head.headers().get("etag"),
            get.headers().get("etag"),
            "{path}"
        );
        assert!(head.bytes().unwrap().is_empty(), "{path}");
    }
    let missing = server
        .client
        .head(server.url("/v1/organisations/does-not-exist"))
        .send()
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[test]
fn cors_is_open_for_get() {
    let server = shared();
    let response = server
        .client
        .get(server.url("/v1/search"))
        .header("origin", "https://partner.example")
        .send()
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("x-total-count") && exposed.contains("etag"));
    let preflight = server
        .client
        .request(reqwest::Method::OPTIONS, server.url("/v1/search"))
        .header("origin", "https://partner.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "x-api-key")
        .send()
        .unwrap();
    assert!(preflight.status().is_success());
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
}

#[test]
fn compression_request_ids_and_probes() {
    let server = shared();
    let gzip = server
        .client
        .get(server.url("/v1/territories/quartiers"))
        .header("accept-encoding", "gzip")
        .send()
        .unwrap();
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    let brotli = server
        .client
        .get(server.url("/v1/needs"))
        .header("accept-encoding", "br")
        .send()
        .unwrap();
    assert_eq!(brotli.headers()["content-encoding"], "br");

    let generated = server.get("/healthz");
    let id = generated.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 36, "a uuid: {id}");
    let echoed = server
        .client
        .get(server.url("/healthz"))
        .header("x-request-id", "trace-123")
        .send()
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "trace-123");
    let problem_id = server.get("/v1/search?page=0");
    assert!(problem_id.headers().contains_key("x-request-id"));

    assert_eq!(server.json("/healthz")["status"], "ok");
    let ready = server.json("/readyz");
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["documents"], 9);
    assert_eq!(ready["organisations"], 8);
    assert!(ready["version"].as_str().unwrap().starts_with('v'));

    server.get("/v1/search?q=metrics");
    server.get("/v1/search?q=metrics");
    let metrics = server.get("/metrics").text().unwrap();
    let cache_hits: u64 = metrics
        .lines()
        .find_map(|line| line.strip_prefix("orienta_response_cache_lookups_total{result=\"hit\"} "))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(0);
    assert!(cache_hits >= 1, "the repeated search came from the cache");
    assert!(metrics.contains("orienta_response_cache_entries "));
    assert!(metrics.contains(
        "orienta_http_requests_total{method=\"GET\",route=\"/v1/search\",status=\"200\"}"
    ));
    assert!(metrics.contains("orienta_http_request_duration_seconds_bucket"));
    assert!(metrics.contains("orienta_index_documents 9"));
    assert!(metrics.contains("orienta_index_version_info{version=\"v"));

    let docs = server.get("/docs/");
    assert_eq!(docs.status(), 200);
    let page = docs.text().unwrap();
    assert!(page.contains("swagger-ui"));
    assert!(
        !page.contains("cdn."),
        "the documentation page loads nothing from a CDN"
    );
    assert_eq!(server.get("/docs").status(), 308);
    let initializer = server.get("/docs/swagger-initializer.js").text().unwrap();
    assert!(initializer.contains("/openapi.json"));
}

#[test]
fn partner_key_applies_its_fixed_filters() {
    let server = shared();
    let all = server.json("/v1/search?per_page=100");
    let sud_total = all["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["bassin"]["slug"] == "sud")
        .count();
    assert!(sud_total >= 1, "the corpus has a record in bassin sud");
    let partner: Value = server
        .client
        .get(server.url("/v1/search?per_page=100"))
        .header("x-api-key", PARTNER_KEY)
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(partner["total"], sud_total);
    assert!(partner["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["bassin"]["slug"] == "sud"));
    let by_param = server.json(&format!("/v1/search?per_page=100&api_key={PARTNER_KEY}"));
    assert_eq!(by_param["total"], sud_total);
    let outside = server.json(&format!("/v1/search?bassin=nord&api_key={PARTNER_KEY}"));
    assert_eq!(
        outside["total"], 0,
        "a partner cannot widen its fixed filter"
    );
    let response = server
        .client
        .get(server.url("/v1/search"))
        .header("x-api-key", PARTNER_KEY)
        .send()
        .unwrap();
    assert!(response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .starts_with("private"));
}

#[test]
fn rate_limit_answers_429_with_retry_after() {
    let mut limited = config();
    limited.rate_limit.requests = 3;
    limited.rate_limit.window_seconds = 60;
    let server = start(limited, false);
    for _ in 0..3 {
        let response = server.get("/v1/needs");
        assert_eq!(response.status(), 200);
        assert!(response.headers().contains_key("x-ratelimit-remaining"));
    }
    let denied = server
        .client
        .get(server.url("/v1/needs"))
        .header("origin", "https://partner.example")
        .send()
        .unwrap();
    let retry_after: u64 = denied.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after));
    assert_eq!(
        denied.headers()["access-control-allow-origin"],
        "*",
        "denials stay readable by browsers"
    );
    problem(denied, 429, "rate_limited");
    assert_eq!(
        server.get("/healthz").status(),
        200,
        "probes are never limited"
    );
    let partner = server
        .client
        .get(server.url("/v1/needs"))
        .header("x-api-key", PARTNER_KEY)
        .send()
        .unwrap();
    assert_eq!(partner.status(), 200, "a partner key has its own limit");

    let mut open = config();
    open.rate_limit.enabled = false;
    open.rate_limit.requests = 1;
    let unlimited = start(open, false);
    for _ in 0..5 {
        assert_eq!(unlimited.get("/v1/needs").status(), 200);
    }
}

#[test]
fn admin_reindex_publishes_a_new_version() {
    let server = start(config(), true);
    let before = server.json("/readyz");
    assert_eq!(before["organisations"], 8);
    let started = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .header("x-api-key", ADMIN_KEY)
        .send()
        .unwrap();
    assert_eq!(started.status(), 202);
    let body: Value = started.json().unwrap();
    assert_eq!(body["running"], true);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        let status: Value = server
            .client
            .get(server.url("/v1/admin/reindex"))
            .header("x-api-key", ADMIN_KEY)
            .send()
            .unwrap()
            .json()
            .unwrap();
        if status["running"] == false || Instant::now() > deadline {
            break status;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status["error"], Value::Null, "{status}");
    let after = server.json("/readyz");
    assert_eq!(after["organisations"], 7);
    assert_eq!(after["version"], status["version"]);
    assert_ne!(after["version"], before["version"]);
    let feed = server.json("/v1/changes?since=8");
    assert_eq!(feed["total"], 1);
    assert_eq!(feed["changes"][0]["change"], "deleted");
    assert!(server.index_root.join("CURRENT").exists());
    let partner_status = server
        .client
        .get(server.url("/v1/admin/reindex"))
        .header("x-api-key", PARTNER_KEY)
        .send()
        .unwrap();
    problem(partner_status, 403, "forbidden");
}
