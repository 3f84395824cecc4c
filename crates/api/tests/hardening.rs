//! Issue 13, API part: bounded metrics labels, parameters and cache; short error echoes and
//! request ids; CSV formulas neutralised; 405 with `Allow`; `Retry-After` on 503.

use crate::errors::problem;
use crate::fixtures::{self, place, Spec};
use crate::support::{config, shared, start, start_with, tagger, ADMIN_KEY};
use std::io::{Read, Write};
use std::net::TcpStream;

fn metric_lines<'a>(metrics: &'a str, name: &str) -> Vec<&'a str> {
    metrics
        .lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .collect()
}

fn metric_value(metrics: &str, name: &str) -> f64 {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{name} ")))
        .unwrap_or_else(|| panic!("{name} missing"))
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn invented_methods_do_not_create_metric_series() {
    let server = start(config(), false);
    for number in 0..500 {
        let method =
            reqwest::Method::from_bytes(format!("M{number:04}X{}", number * 7919).as_bytes())
                .unwrap();
        let response = server
            .client
            .request(method, server.url(&format!("/v1/search?q=x{number}")))
            .send()
            .unwrap();
        assert!(response.status().is_client_error(), "{}", response.status());
    }
    let metrics = server.get("/metrics").text().unwrap();
    let series = metric_lines(&metrics, "orienta_http_requests_total");
    assert!(
        series.len() <= 10,
        "{} series:\n{}",
        series.len(),
        series.join("\n")
    );
    assert!(
        series.iter().any(|line| line.contains("method=\"other\"")),
        "{metrics}"
    );
    assert!(
        !metrics.contains("M0001X"),
        "a client's method became a label"
    );
}

#[test]
fn a_parameter_repeated_thousands_of_times_is_refused_clearly() {
    let server = shared();
    let huge = vec!["need=a"; 6_000].join("&");
    assert!(huge.len() > 40_000);
    let body = problem(
        server.get(&format!("/v1/search?{huge}")),
        414,
        "query_string_too_long",
    );
    assert!(body["detail"].as_str().unwrap().contains("4096"), "{body}");
    assert!(
        body.to_string().len() < 2_000,
        "the problem echoes the query: {}",
        body.to_string().len()
    );

    let distinct: Vec<String> = (0..21).map(|number| format!("need=n{number}")).collect();
    let body = problem(
        server.get(&format!("/v1/search?{}", distinct.join("&"))),
        400,
        "too_many_values",
    );
    assert_eq!(body["parameter"], "need");

    let repeated = vec!["need=food-aid"; 250].join("&");
    let same = server.json(&format!("/v1/search?{repeated}"));
    assert_eq!(
        same["total"],
        server.json("/v1/search?need=food-aid")["total"]
    );
}

#[test]
fn the_response_cache_stays_under_its_byte_cap() {
    let mut settings = config();
    let cap: u64 = 64 * 1024;
    settings.cache.response_cache_bytes = cap;
    let server = start(settings, false);
    let mut rendered = 0;
    for per_page in 1..=100 {
        let body = server
            .get(&format!("/v1/search?per_page={per_page}"))
            .bytes()
            .unwrap();
        rendered += body.len();
    }
    assert!(
        rendered as u64 > 4 * cap,
        "the responses are too small to test the cap: {rendered}"
    );
    let metrics = server.get("/metrics").text().unwrap();
    let held = metric_value(&metrics, "orienta_response_cache_bytes");
    assert!(
        held > 0.0 && held <= cap as f64,
        "the cache holds {held} bytes, cap {cap}"
    );
}

#[test]
fn error_bodies_quote_a_short_excerpt_once() {
    let server = shared();
    let long_value = format!("{}END", "z".repeat(300));
    let body = problem(
        server.get(&format!("/v1/search?bassin={long_value}")),
        400,
        "unknown_bassin",
    );
    let text = body.to_string();
    assert!(!text.contains("END"), "the whole value is echoed: {text}");
    assert_eq!(text.matches(&"z".repeat(64)).count(), 1, "{text}");
    assert!(body["detail"].as_str().unwrap().contains('…'));

    let path = format!("/v1/{}", "p".repeat(400));
    let text = problem(server.get(&path), 404, "not_found").to_string();
    assert_eq!(text.matches(&"p".repeat(60)).count(), 1, "{text}");
}

#[test]
fn request_ids_are_short_tokens_or_replaced() {
    let server = shared();
    let sent = |id: &str| {
        server
            .client
            .get(server.url("/healthz"))
            .header("x-request-id", id)
            .send()
            .unwrap()
            .headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(sent("trace-123.a_b"), "trace-123.a_b");
    for hostile in ["<script>alert(1)</script>", &"x".repeat(65), "a b", "a;b=c"] {
        let answered = sent(hostile);
        assert_ne!(answered, hostile);
        assert!(
            !answered.is_empty()
                && answered.len() <= 64
                && answered
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
            "{answered}"
        );
    }
}

#[test]
fn csv_cells_starting_with_a_formula_character_are_neutralised() {
    let tagger = tagger();
    let mut organisations = fixtures::corpus(&tagger);
    organisations.push(fixtures::organisation(
        Spec {
            source_id: "66666",
            name_fr: Some("=HYPERLINK(\"http://evil.example\",\"Cliquez\")"),
            needs: &["food-aid"],
            places: vec![place(
                ("Rue Haute", "Hoogstraat"),
                "1",
                "1000",
                ("Bruxelles", "Brussel"),
                (50.8400, 4.3480),
            )],
            ..Spec::default()
        },
        &tagger,
    ));
    let server = start_with(config(), false, organisations);
    let csv = server
        .get("/v1/search?q=HYPERLINK&format=csv&lang=fr")
        .text()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|header| header == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|row| row[column("name_fr")].contains("HYPERLINK"))
        .expect("the record is found");
    assert!(row[column("name_fr")].starts_with("'=HYPERLINK"), "{row:?}");
    assert!(row[column("display_name")].starts_with("'="), "{row:?}");
    assert!(
        row[column("lat")].parse::<f64>().is_ok(),
        "lat stays a number: {row:?}"
    );
    assert!(
        row[column("lon")].parse::<f64>().is_ok(),
        "lon stays a number: {row:?}"
    );
}

#[test]
fn a_wrong_method_on_a_known_route_is_405_with_allow() {
    let server = shared();
    let response = server.client.post(server.url("/v1/search")).send().unwrap();
    let allow = response.headers()["allow"].to_str().unwrap().to_owned();
    assert_eq!(allow, "GET, HEAD");
    problem(response, 405, "method_not_allowed");
    let response = server
        .client
        .delete(server.url("/hsds/services/abc"))
        .send()
        .unwrap();
    assert_eq!(response.headers()["allow"], "GET, HEAD");
    problem(response, 405, "method_not_allowed");
    let response = server
        .client
        .get(server.url("/v1/admin/reindex"))
        .send()
        .unwrap();
    assert_ne!(response.status(), 405, "GET has its own route there");
    problem(
        server
            .client
            .post(server.url("/v1/nothing"))
            .send()
            .unwrap(),
        404,
        "not_found",
    );
}

#[test]
fn service_unavailable_answers_carry_retry_after() {
    let server = shared();
    let response = server
        .client
        .post(server.url("/v1/admin/reindex"))
        .header("x-api-key", ADMIN_KEY)
        .send()
        .unwrap();
    let retry = response
        .headers()
        .get("retry-after")
        .map(|value| value.to_str().unwrap().to_owned());
    problem(response, 503, "reindex_unavailable");
    assert!(retry.is_some_and(|seconds| seconds.parse::<u64>().unwrap() >= 1));
}

/// Sends raw bytes and returns the status line and the body length (empty when closed).
fn raw(server: &crate::support::TestServer, request: &[u8]) -> String {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn parser_level_rejections_are_not_empty_500s() {
    let server = shared();
    let mut many_headers = String::from("GET /v1/search HTTP/1.1\r\nHost: x\r\n");
    for number in 0..200 {
        many_headers.push_str(&format!("X-H{number}: v\r\n"));
    }
    many_headers.push_str("\r\n");
    let answer = raw(server, many_headers.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");

    let long_path = format!(
        "GET /v1/{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a".repeat(20_000)
    );
    let answer = raw(server, long_path.as_bytes());
    assert!(
        answer.starts_with("HTTP/1.1 404"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(answer.contains("application/problem+json"));

    let long_query = format!(
        "GET /v1/search?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a".repeat(20_000)
    );
    let answer = raw(server, long_query.as_bytes());
    assert!(
        answer.starts_with("HTTP/1.1 414"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(answer.contains("query_string_too_long"));
}
