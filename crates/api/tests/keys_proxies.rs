//! Issue 13, API part: keys only in `X-Api-Key` (the query form refused for admin keys,
//! deprecated for partner keys, never logged), unknown keys `401` everywhere, a partner's
//! fixed filters on every read endpoint, client IPs behind trusted proxies, links that
//! never reflect a request's `Host`, and `Vary`.

use crate::errors::problem;
use crate::support::{config, shared, start, ADMIN_KEY, PARTNER_KEY};
use serde_json::Value;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

fn with_key(path: &str, key: &str) -> reqwest::blocking::Response {
    let server = shared();
    server
        .client
        .get(server.url(path))
        .header("x-api-key", key)
        .send()
        .unwrap()
}

#[test]
fn an_admin_key_in_the_query_is_refused_and_a_partner_key_deprecated() {
    let server = shared();
    let body = problem(
        server.get(&format!("/v1/search?api_key={ADMIN_KEY}")),
        400,
        "api_key_in_query",
    );
    assert_eq!(body["parameter"], "api_key");
    assert!(!body.to_string().contains(ADMIN_KEY));
    let response = server.get(&format!("/v1/search?api_key={PARTNER_KEY}"));
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["deprecation"], "true");
    assert!(response.headers()["warning"]
        .to_str()
        .unwrap()
        .contains("X-Api-Key"));
    let header = with_key("/v1/search", PARTNER_KEY);
    assert!(!header.headers().contains_key("deprecation"));
}

#[test]
fn unknown_keys_are_401_on_every_endpoint() {
    for path in [
        "/v1/search",
        "/v1/needs",
        "/v1/suggest?q=aide",
        "/v1/territories/communes",
        "/v1/changes",
        "/hsds/services",
        "/hsds/",
        "/healthz",
    ] {
        problem(with_key(path, "not-a-key"), 401, "unauthorized");
        problem(
            shared().get(&format!(
                "{path}{}api_key=nope",
                if path.contains('?') { '&' } else { '?' }
            )),
            401,
            "unauthorized",
        );
    }
}

/// A writer collecting every log line of the test process.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn captured_logs() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
        logs
    })
}

#[test]
fn keys_sent_in_the_query_are_never_logged() {
    let logs = captured_logs();
    let server = start(config(), false);
    assert_eq!(
        server
            .get(&format!("/v1/search?q=aide&api_key={PARTNER_KEY}"))
            .status(),
        200
    );
    assert_eq!(
        server
            .get(&format!("/v1/needs?api_key={ADMIN_KEY}"))
            .status(),
        400
    );
    assert_eq!(
        server
            .get("/v1/search?api%5Fkey=unknown-secret-key")
            .status(),
        401
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(
        text.contains("api_key=redacted"),
        "the request log shows the redacted query: {text}"
    );
    for secret in [PARTNER_KEY, ADMIN_KEY, "unknown-secret-key"] {
        assert!(!text.contains(secret), "{secret} was logged");
    }
}

fn ids(body: &Value, list: &str) -> Vec<String> {
    body[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_partner_key_filters_records_suggestions_and_hsds() {
    let server = shared();
    let partner: Value = with_key("/v1/search?per_page=100", PARTNER_KEY)
        .json()
        .unwrap();
    let visible = ids(&partner, "results");
    let everyone = server.json("/v1/search?per_page=100");
    let hidden: Vec<&Value> = everyone["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|result| !visible.contains(&result["id"].as_str().unwrap().to_owned()))
        .collect();
    assert!(
        !visible.is_empty() && !hidden.is_empty(),
        "the corpus has records inside and outside bassin sud"
    );
    let outside = hidden[0]["id"].as_str().unwrap();
    assert_eq!(
        server.get(&format!("/v1/organisations/{outside}")).status(),
        200
    );
    problem(
        with_key(&format!("/v1/organisations/{outside}"), PARTNER_KEY),
        404,
        "not_found",
    );
    assert_eq!(
        with_key(&format!("/v1/organisations/{}", visible[0]), PARTNER_KEY).status(),
        200
    );

    let change_ids = |body: &Value| -> Vec<String> {
        body["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|event| event["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all_changes = change_ids(&server.json("/v1/changes?per_page=100"));
    let partner_changes: Value = with_key("/v1/changes?per_page=100", PARTNER_KEY)
        .json()
        .unwrap();
    let partner_changes = change_ids(&partner_changes);
    assert!(all_changes.contains(&outside.to_owned()));
    assert!(
        !partner_changes.contains(&outside.to_owned()) && partner_changes.contains(&visible[0]),
        "a partner's change feed lists the records it may read: {partner_changes:?}"
    );

    let name = hidden[0]["display_name"].as_str().unwrap();
    let typed: String = name.chars().take(6).collect();
    let anonymous = server.json(&format!("/v1/suggest?q={typed}"));
    assert!(
        ids(&anonymous, "suggestions").contains(&outside.to_owned()),
        "{anonymous}"
    );
    let filtered: Value = with_key(&format!("/v1/suggest?q={typed}"), PARTNER_KEY)
        .json()
        .unwrap();
    assert!(
        !ids(&filtered, "suggestions").contains(&outside.to_owned()),
        "{filtered}"
    );

    let all_hsds = server.json("/hsds/organizations?per_page=100");
    let partner_hsds: Value = with_key("/hsds/organizations?per_page=100", PARTNER_KEY)
        .json()
        .unwrap();
    let total = |body: &Value| body["total_items"].as_u64().unwrap();
    assert!(
        total(&partner_hsds) >= 1 && total(&partner_hsds) < total(&all_hsds),
        "{} of {}",
        total(&partner_hsds),
        total(&all_hsds)
    );
    let outside_name = hidden[0]["name"]["fr"]
        .as_str()
        .or(hidden[0]["name"]["nl"].as_str())
        .unwrap_or(name)
        .to_owned();
    let hsds_outside = all_hsds["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|organization| organization["name"].as_str() == Some(outside_name.as_str()))
        .map(|organization| organization["id"].as_str().unwrap().to_owned());
    if let Some(hsds_id) = hsds_outside {
        assert_eq!(
            server
                .get(&format!("/hsds/organizations/{hsds_id}"))
                .status(),
            200
        );
        problem(
            with_key(&format!("/hsds/organizations/{hsds_id}"), PARTNER_KEY),
            404,
            "not_found",
        );
    }
}

#[test]
fn the_client_ip_is_the_right_most_untrusted_hop() {
    let mut settings = config();
    settings.rate_limit.requests = 2;
    settings.rate_limit.trusted_proxies = vec!["127.0.0.1/32".to_owned(), "10.0.0.0/8".to_owned()];
    let server = start(settings, false);
    let from = |forwarded: &str| {
        server
            .client
            .get(server.url("/v1/needs"))
            .header("x-forwarded-for", forwarded)
            .send()
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(from("1.1.1.1, 203.0.113.9, 10.0.0.1"), 200);
    assert_eq!(from("2.2.2.2, 203.0.113.9"), 200);
    assert_eq!(
        from("3.3.3.3, 203.0.113.9, 10.9.9.9"),
        429,
        "a spoofed left-most hop made a new client"
    );
    assert_eq!(
        from("203.0.113.10"),
        200,
        "another client has its own budget"
    );
}

#[test]
fn links_never_reflect_the_request_host() {
    let server = shared();
    let answer: Value = server
        .client
        .get(server.url("/hsds/"))
        .header("host", "evil.example")
        .header("x-forwarded-host", "evil.example")
        .send()
        .unwrap()
        .json()
        .unwrap();
    let link = answer["openapi_url"].as_str().unwrap();
    assert!(!link.contains("evil"), "{link}");

    let mut settings = config();
    settings.allowed_hosts = vec!["api.orienta.example".to_owned()];
    let allowed = start(settings, false);
    let response = allowed
        .client
        .get(allowed.url("/hsds/"))
        .header("host", "api.orienta.example")
        .send()
        .unwrap();
    assert!(response.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("Host"));
    let answer: Value = response.json().unwrap();
    assert_eq!(
        answer["openapi_url"],
        "http://api.orienta.example/openapi.json"
    );
}

#[test]
fn answers_that_depend_on_headers_say_so_in_vary() {
    for path in [
        "/v1/search",
        "/v1/needs",
        "/hsds/services",
        "/v1/suggest?q=aide",
    ] {
        let response = shared().get(path);
        let vary = response.headers()["vary"].to_str().unwrap().to_owned();
        assert!(vary.contains("X-Api-Key"), "{path}: {vary}");
    }
    let vary = shared().get("/v1/search").headers()["vary"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(vary.contains("Accept-Language"), "{vary}");
}

#[test]
fn the_request_log_names_the_trusted_client_and_bounds_client_text() {
    let logs = captured_logs();
    let mut settings = config();
    settings.rate_limit.trusted_proxies = vec!["127.0.0.1/32".to_owned()];
    let server = start(settings, false);
    let long_agent = "agent".repeat(1_000);
    let status = server
        .client
        .get(server.url(&format!("/v1/search?q=aide&api_key={PARTNER_KEY}")))
        .header("x-forwarded-for", "6.6.6.66, 203.0.113.77")
        .header("user-agent", &long_agent)
        .send()
        .unwrap()
        .status();
    assert_eq!(status, 200);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let text = without_colours(&String::from_utf8_lossy(&logs.0.lock().unwrap()));
    assert!(
        text.contains("http.client_ip=203.0.113.77"),
        "the log names the right-most untrusted hop: {text}"
    );
    assert!(
        !text.contains("6.6.6.66"),
        "the spoofable left-most hop is never logged"
    );
    assert!(
        !text.contains(&"agent".repeat(200)),
        "a client's user agent is cut before it reaches the log"
    );
}

/// The log text without its ANSI colour sequences.
fn without_colours(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            plain.push(c);
            continue;
        }
        for end in chars.by_ref() {
            if end.is_ascii_alphabetic() {
                break;
            }
        }
    }
    plain
}
