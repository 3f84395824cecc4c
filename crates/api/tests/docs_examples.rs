//! The examples of the OpenAPI document: every problem response shows what the server
//! answers for that status there, and "Try it out" with the parameter examples (what
//! Swagger UI pre-fills) finds something.

use crate::support::{self, shared, TestServer, ADMIN_KEY, PARTNER_KEY};
use orienta_api::config::Limits;
use orienta_api::error::{payload_too_large, Detail};
use orienta_api::openapi::examples::{self, Key, ProblemExample, Sent, UNKNOWN_KEY};
use orienta_api::{ApiError, ErrorCode};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const PROBLEM_JSON: &str = "application/problem+json";

fn document() -> Value {
    serde_json::to_value(orienta_api::openapi()).unwrap()
}

/// `(method, path, operation)` of every operation.
fn operations(document: &Value) -> Vec<(&str, &str, &Value)> {
    let mut all = Vec::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for method in ["get", "post"] {
            if let Some(operation) = item.get(method) {
                all.push((method, path.as_str(), operation));
            }
        }
    }
    all
}

/// The error codes the server answers with `status`, from the `ErrorCode` schema.
fn codes_of_status(document: &Value, status: u16) -> Vec<String> {
    document["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode is an enum")
        .iter()
        .filter(|name| {
            let code: ErrorCode = serde_json::from_value((*name).clone()).unwrap();
            code.status().as_u16() == status
        })
        .map(|name| name.as_str().unwrap().to_owned())
        .collect()
}

/// Checks one example against its response: schema, status, type, title.
fn check_problem(validator: &jsonschema::Validator, value: &Value, status: u16, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{what}: not a valid Problem: {errors:?}");
    let code: ErrorCode = serde_json::from_value(value["code"].clone()).unwrap();
    assert_eq!(
        code.status().as_u16(),
        status,
        "{what}: {code:?} is not a {status}"
    );
    assert_eq!(value["status"], status, "{what}: status field");
    let expected = ApiError::new(code, Detail::en("")).problem();
    assert_eq!(value["type"], expected.problem_type, "{what}: type");
    assert_eq!(value["title"], expected.title, "{what}: title");
}

#[test]
fn every_problem_response_has_its_own_example() {
    let document = document();
    let mut schema = json!({"$ref": "#/components/schemas/Problem"});
    schema["components"] = document["components"].clone();
    let validator = jsonschema::validator_for(&schema).expect("Problem schema");
    let fixed = [(401, "unauthorized"), (429, "rate_limited")];
    for (method, path, operation) in operations(&document) {
        let mut seen: BTreeMap<String, u16> = BTreeMap::new();
        for (status, response) in operation["responses"].as_object().unwrap() {
            let Some(content) = response["content"].get(PROBLEM_JSON) else {
                continue;
            };
            let status: u16 = status.parse().unwrap();
            let what = format!("{method} {path} {status}");
            let value = &content["example"];
            assert!(value.is_object(), "{what} has no example");
            check_problem(&validator, value, status, &what);
            let code = value["code"].as_str().unwrap();
            let codes = codes_of_status(&document, status);
            assert!(codes.iter().any(|known| known == code), "{what}: {code}");
            if let Some((_, wanted)) = fixed.iter().find(|(fixed, _)| *fixed == status) {
                assert_eq!(code, *wanted, "{what}: the server answers {wanted}");
            }
            if let Some(other) = seen.insert(value.to_string(), status) {
                panic!("{what} shows the example of {other}");
            }
        }
    }
}

/// Sends an example's request to `server`.
fn send(server: &TestServer, sent: &Sent) -> reqwest::blocking::Response {
    let url = server.url(&sent.target);
    let mut request = match sent.method {
        "POST" => server.client.post(url),
        _ => server.client.get(url),
    };
    let key = sent.key.map(|key| match key {
        Key::Unknown => UNKNOWN_KEY,
        Key::Partner => PARTNER_KEY,
        Key::Admin => ADMIN_KEY,
    });
    if let Some(key) = key {
        request = request.header("x-api-key", key);
    }
    request.send().expect("request")
}

fn label(example: &ProblemExample) -> String {
    format!(
        "{} {} {:?}",
        example.operation, example.status, example.problem.code
    )
}

#[test]
fn problem_examples_are_what_the_server_answers() {
    let server = shared();
    let all = examples::problems(&orienta_api::openapi());
    assert!(all.len() > 60, "{} examples", all.len());
    for example in &all {
        let expected = serde_json::to_value(&example.problem).unwrap();
        let Some(sent) = &example.sent else {
            let built = match example.problem.code {
                ErrorCode::Timeout => ApiError::timeout(),
                ErrorCode::IndexUnavailable => ApiError::index("the example's cause"),
                ErrorCode::PayloadTooLarge => payload_too_large(Limits::default().max_body_bytes),
                _ => continue,
            };
            let built = serde_json::to_value(built.problem()).unwrap();
            assert_eq!(expected, built, "{}", label(example));
            continue;
        };
        let response = send(server, sent);
        assert_eq!(response.status(), example.status, "{}", label(example));
        let answered: Value = response.json().expect("problem body");
        assert_eq!(
            answered,
            expected,
            "{}: the server answers otherwise",
            label(example)
        );
    }
}

/// Digits replaced: the seconds to wait differ from one answer to the next.
fn without_numbers(value: &Value) -> String {
    let text = value.to_string();
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

#[test]
fn rate_limited_example_is_what_a_limited_server_answers() {
    let mut config = support::config();
    config.rate_limit.requests = 1;
    config.rate_limit.window_seconds = 60;
    let server = support::start(config, false);
    let example = examples::problems(&orienta_api::openapi())
        .into_iter()
        .find(|example| example.operation == "needs" && example.status == 429)
        .expect("a 429 example");
    assert_eq!(server.get("/v1/needs").status(), 200);
    let denied = server.get("/v1/needs");
    assert_eq!(denied.status(), 429);
    let retry_after = denied.headers()["retry-after"].to_str().unwrap().to_owned();
    let answered: Value = denied.json().unwrap();
    let detail = answered["detail"].as_str().unwrap();
    assert!(
        detail.contains(&format!("wait {retry_after} s")),
        "{detail}"
    );
    let expected = serde_json::to_value(&example.problem).unwrap();
    assert_eq!(without_numbers(&answered), without_numbers(&expected));
}

/// The value Swagger UI pre-fills for a parameter on "Try it out", if any.
fn prefilled(parameter: &Value) -> Option<Value> {
    let first_example = parameter["examples"]
        .as_object()
        .and_then(|examples| examples.values().next())
        .map(|example| example["value"].clone());
    [
        parameter.get("example").cloned(),
        first_example,
        parameter["schema"].get("default").cloned(),
        parameter["schema"].get("example").cloned(),
    ]
    .into_iter()
    .flatten()
    .next()
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The request "Try it out" sends with the pre-filled values; `None` when a required
/// parameter has none (Swagger UI then asks for it).
fn try_it_out(path: &str, operation: &Value) -> Option<(String, Vec<(String, String)>)> {
    let mut target = path.to_owned();
    let mut query = Vec::new();
    let parameters = operation["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for parameter in &parameters {
        let name = parameter["name"].as_str().unwrap();
        let required = parameter["required"].as_bool().unwrap_or(false);
        let Some(value) = prefilled(parameter) else {
            if required {
                return None;
            }
            continue;
        };
        let values = match value {
            Value::Array(items) => items,
            single => vec![single],
        };
        match parameter["in"].as_str() {
            Some("path") => target = target.replace(&format!("{{{name}}}"), &as_text(&values[0])),
            Some("query") => query.extend(values.iter().map(|v| (name.to_owned(), as_text(v)))),
            _ => {}
        }
    }
    Some((target, query))
}

/// The lists of a JSON answer that must not be empty.
const LISTS: [&str; 7] = [
    "results",
    "contents",
    "changes",
    "places",
    "suggestions",
    "needs",
    "features",
];

/// Sends what "Try it out" sends and checks the answer: documented, not an error, and
/// every list in it holds something.
fn execute(server: &TestServer, operation: &Value, target: &str, query: &[(String, String)]) {
    // Swagger UI encodes spaces as `%20`.
    let encoded = serde_urlencoded::to_string(query)
        .unwrap()
        .replace('+', "%20");
    let mut request = server
        .client
        .get(server.url(&format!("{target}?{encoded}")));
    if operation.get("security").is_some() {
        // What Swagger UI sends once the key is given under "Authorize".
        request = request.header("x-api-key", ADMIN_KEY);
    }
    let response = request.send().unwrap();
    let status = response.status();
    assert!(status.as_u16() < 400, "{target} {query:?}: {status}");
    let documented = &operation["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{target}: {status} is not documented"
    );
    let json = response
        .headers()
        .get("content-type")
        .is_some_and(|value| value.to_str().unwrap_or_default().contains("json"));
    if !json || status != 200 {
        return;
    }
    let body: Value = response.json().unwrap();
    for list in LISTS {
        if let Some(items) = body.get(list).and_then(Value::as_array) {
            assert!(!items.is_empty(), "{target} {query:?}: no {list}");
        }
    }
}

#[test]
fn try_it_out_with_the_parameter_examples_finds_something() {
    let document = document();
    let mut asked_for = Vec::new();
    for (method, path, operation) in operations(&document) {
        if method != "get" {
            continue;
        }
        match try_it_out(path, operation) {
            Some((target, query)) => execute(shared(), operation, &target, &query),
            None => asked_for.push(path),
        }
    }
    // Entity ids differ between data sets: Swagger UI asks for one (from a search).
    asked_for.sort_unstable();
    assert_eq!(
        asked_for,
        [
            "/hsds/organizations/{id}",
            "/hsds/services/{id}",
            "/v1/organisations/{id}"
        ]
    );
}

#[test]
fn docs_page_is_served_with_its_own_stylesheet_and_script() {
    let server = shared();
    let page = server.get("/docs/");
    assert_eq!(page.status(), 200);
    let policy = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    let html = page.text().unwrap();
    assert!(html.contains(r#"<main id="swagger-ui">"#), "{html}");
    for (asset, media_type) in [
        ("orienta-docs.css", "text/css"),
        ("orienta-docs.js", "text/javascript"),
        ("swagger-ui-bundle.js", "javascript"),
    ] {
        assert!(html.contains(&format!("./{asset}")), "{asset} not linked");
        let served = server.get(&format!("/docs/{asset}"));
        assert_eq!(served.status(), 200, "{asset}");
        let content_type = served.headers()["content-type"].to_str().unwrap();
        assert!(content_type.contains(media_type), "{asset}: {content_type}");
    }
}
