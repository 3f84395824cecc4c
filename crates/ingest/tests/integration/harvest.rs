//! Harvest against a local HTTP server answering like social.brussels.

use crate::common::{data, run};
use orienta_ingest::{harvest, HarvestOptions, HttpOptions};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Serves the listing, the sample (13219), a deleted id (404) and one 500-then-200 id (777).
fn serve() -> (String, Arc<AtomicUsize>, std::thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("local server");
    let address = format!(
        "http://{}",
        server.server_addr().to_ip().expect("ip address")
    );
    let sample = std::fs::read_to_string(data("providers/cdcs_sample/organisation_13219.json"))
        .expect("sample");
    let retried = sample.replacen("\"id\": 13219", "\"id\": 777", 1);
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    let handle = std::thread::spawn(move || {
        let mut failed_once = false;
        // Bounded: listing + 13219 + 404404 + 777 twice.
        for _ in 0..5 {
            let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(10)) else {
                break;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let agent = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            let (status, body) = match request.url() {
                _ if !agent.starts_with("Orienta/") => (400, "no user agent".to_owned()),
                "/rest/search/organisation/*" | "/rest/search/organisation/%2A" => (
                    200,
                    r#"[{"id": 13219}, {"id": 404404}, {"id": 777}]"#.to_owned(),
                ),
                "/rest/organisation/13219" => (200, sample.clone()),
                "/rest/organisation/777" if !failed_once => {
                    failed_once = true;
                    (500, "busy".to_owned())
                }
                "/rest/organisation/777" => (200, retried.clone()),
                _ => (404, "not found".to_owned()),
            };
            let response = tiny_http::Response::from_string(body).with_status_code(status);
            let _ = request.respond(response);
        }
    });
    (address, hits, handle)
}

#[test]
fn harvest_then_ingest() {
    let (base_url, hits, handle) = serve();
    let out = tempfile::tempdir().expect("temp dir");
    let options = HarvestOptions {
        http: HttpOptions {
            backoff: Duration::from_millis(20),
            politeness_delay: Duration::from_millis(5),
            connect_timeout: Duration::from_secs(2),
            read_timeout: Duration::from_secs(5),
            retries: 3,
        },
        limit: None,
    };
    let summary = harvest(&base_url, out.path(), &options).expect("harvest succeeds");
    handle.join().expect("server thread");
    assert_eq!(
        (
            summary.listed,
            summary.fetched,
            summary.deleted,
            summary.failed
        ),
        (3, 2, 1, 0)
    );
    assert_eq!(hits.load(Ordering::SeqCst), 5, "one retry after the 500");
    let outcome = run(&[out.path().display().to_string()]);
    let records = &outcome.report.sources[0];
    assert_eq!((records.read, records.accepted), (2, 2));
    assert_eq!(outcome.report.tombstones.len(), 1);
    assert_eq!(outcome.report.tombstones[0].id, "404404");
    let manifest: orienta_ingest::HarvestManifest =
        serde_json::from_str(&std::fs::read_to_string(summary.manifest_path).expect("manifest"))
            .expect("manifest json");
    assert_eq!(manifest.base_url, base_url);
    assert!(manifest.user_agent.starts_with("Orienta/"));
    assert!(outcome
        .organisations
        .iter()
        .all(|o| o.primary_source().fetched_at == manifest.fetched_at));
}

#[test]
fn harvest_limit() {
    let (base_url, _hits, handle) = serve();
    let out = tempfile::tempdir().expect("temp dir");
    let options = HarvestOptions {
        http: HttpOptions {
            politeness_delay: Duration::ZERO,
            ..HttpOptions::default()
        },
        limit: Some(1),
    };
    let summary = harvest(&base_url, out.path(), &options).expect("harvest succeeds");
    assert_eq!((summary.listed, summary.fetched), (3, 1));
    drop(handle);
}
