//! The publishing guard on the real binary: imports that read nothing, or that would
//! lose too many records, publish nothing; a served index keeps serving the old version.

use crate::cli::{self, Server};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

/// A local HTTP server answering every request with `status` and an HTML body (and, for
/// a 3xx, a redirect to itself).
fn always_answering(status: u16) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let url = format!("http://{address}/organisations.json");
    let location = if (300..400).contains(&status) {
        format!("Location: {url}\r\n")
    } else {
        String::new()
    };
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buffer = [0_u8; 4096];
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let _ = stream.read(&mut buffer);
            let body = "<html><body>Internal error</body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 {status} Oops\r\n{location}Content-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

/// A local listener that accepts connections and never answers.
fn hanging() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!(
        "http://{}/slow.json",
        listener.local_addr().expect("address")
    );
    (listener, url)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("fixture written");
    path.display().to_string()
}

#[test]
fn imports_that_read_nothing_change_nothing_and_fail() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let good = cli::sample(work.path(), 300, 7);
    cli::ingest_ok(&root, &[&good]);
    let server = Server::start(&root, &[]);
    let (version, documents) = server.ready();
    assert!(documents > 250, "{documents} documents served");
    let ready = cli::get_json(server.port, "/readyz").expect("readyz");
    assert!(ready["organisations"].as_u64() > Some(250), "{ready}");
    assert!(
        ready["age_seconds"]
            .as_i64()
            .is_some_and(|age| (0..120).contains(&age)),
        "{ready}"
    );

    let partner = std::fs::read_to_string(cli::data_dir().join("examples/partner.csv"))
        .expect("partner fixture");
    assert!(partner.contains(';'), "the partner fixture is ;-separated");
    let (_listener, hanging_url) = hanging();
    let bad_sources = [
        work.path().join("missing.ndjson").display().to_string(),
        write(work.path(), "empty.ndjson", b""),
        write(work.path(), "binary.json", &[0, 159, 146, 150, 255, 0, 1, 2, 200, 201]),
        write(work.path(), "pipes.csv", partner.replace(';', "|").as_bytes()),
        write(
            work.path(),
            "page.json",
            b"<!doctype html><html><head><title>Login</title></head><body><p>Please sign in</p></body></html>",
        ),
        always_answering(500),
        always_answering(200),
        always_answering(302),
        hanging_url,
    ];
    let before = cli::snapshot(&root);
    for source in &bad_sources {
        let started = std::time::Instant::now();
        let output = cli::ingest(
            &root,
            &[
                "--http-timeout",
                "2",
                "--http-retries",
                "0",
                source.as_str(),
            ],
        );
        let printed = cli::text(&output);
        assert!(!output.status.success(), "{source} must fail: {printed}");
        assert!(printed.contains("nothing published"), "{source}: {printed}");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{source} timed out"
        );
        assert_eq!(
            cli::snapshot(&root),
            before,
            "{source} changed the index root"
        );
    }
    // Past the server's one-second watch: it still serves the old version.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(server.ready(), (version, documents));
}

#[test]
fn a_shrinking_import_is_refused_unless_allowed() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let large = cli::sample(work.path(), 300, 11);
    let small = cli::sample(work.path(), 100, 12);
    cli::ingest_ok(&root, &[&large]);
    let before = cli::snapshot(&root);

    let refused = cli::ingest(&root, &[&small]);
    let printed = cli::text(&refused);
    assert!(!refused.status.success(), "{printed}");
    let serving = serving_organisations(&root);
    assert!(
        printed.contains(&format!("of the {serving} records served now would go")),
        "{printed}"
    );
    assert!(printed.contains("--allow-shrink"), "{printed}");
    assert_eq!(cli::snapshot(&root), before);

    let tolerant = cli::ingest(&root, &["--max-shrink", "1", &small]);
    assert!(tolerant.status.success(), "{}", cli::text(&tolerant));
    let allowed = cli::ingest(&root, &["--allow-shrink", &large]);
    assert!(allowed.status.success(), "{}", cli::text(&allowed));
    assert_ne!(cli::snapshot(&root).0, before.0, "a new version serves");
}

/// Organisations of the serving version.
fn serving_organisations(root: &Path) -> usize {
    let directory = orienta_search::versions::current_dir(root).expect("a serving version");
    orienta_search::versions::read_manifest(&directory)
        .expect("manifest")
        .organisations
}

/// Starts a reindex (with a JSON body unless empty) and waits for its status to be final.
fn reindex(server: &Server, target: &str, json: &str) -> serde_json::Value {
    let (status, body) =
        cli::http_with_body(server.port, "POST", target, Some(cli::ADMIN_KEY), json)
            .expect("reindex answers");
    assert_eq!(status, 202, "{body}");
    for _ in 0..600 {
        std::thread::sleep(Duration::from_millis(100));
        let (_, body) = cli::http(
            server.port,
            "GET",
            "/v1/admin/reindex",
            Some(cli::ADMIN_KEY),
        )
        .expect("status answers");
        let view: serde_json::Value = serde_json::from_str(&body).expect("json");
        if view["running"] == false {
            return view;
        }
    }
    panic!("the reindex did not finish");
}

#[test]
fn admin_reindex_reports_unreadable_and_shrinking_sources_and_publishes_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let large = cli::sample(work.path(), 300, 21);
    cli::ingest_ok(&root, &[&large]);
    let served = cli::snapshot(&root);

    let missing = work.path().join("gone.ndjson").display().to_string();
    let server = Server::start(&root, &[&missing]);
    let view = reindex(&server, "/v1/admin/reindex", "");
    assert_eq!(view["error_code"], "nothing_read", "{view}");
    assert!(
        view["error"]
            .as_str()
            .is_some_and(|e| e.contains("gone.ndjson")),
        "{view}"
    );
    assert!(view["version"].is_null(), "{view}");
    assert_eq!(cli::snapshot(&root), served);
    drop(server);

    let small = cli::sample(work.path(), 50, 22);
    let server = Server::start(&root, &[&small]);
    let view = reindex(&server, "/v1/admin/reindex", "");
    assert_eq!(view["error_code"], "would_shrink", "{view}");
    let serving = format!(
        "of the {} records served now would go",
        serving_organisations(&root)
    );
    assert!(
        view["error"].as_str().is_some_and(|e| e.contains(&serving)),
        "{view}"
    );
    assert_eq!(cli::snapshot(&root), served);
    let (status, body) = cli::http(
        server.port,
        "POST",
        "/v1/admin/reindex?allow_shrink=maybe",
        Some(cli::ADMIN_KEY),
    )
    .expect("answers");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("allow_shrink"), "{body}");
    let view = reindex(&server, "/v1/admin/reindex", r#"{"allow_shrink": true}"#);
    assert!(view["error"].is_null(), "{view}");
    let version = view["version"].as_str().expect("a version").to_owned();
    assert_eq!(server.ready().0, version);
}

#[test]
fn a_source_over_the_command_line_limits_fails_and_publishes_nothing() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let source = cli::sample(work.path(), 40, 13);
    cli::ingest_ok(&root, &[&source]);
    let before = cli::snapshot(&root);
    for (flag, value, says) in [
        ("--max-records", "10", "more than the limit of 10"),
        ("--max-source-bytes", "1000", "limit of 1000 bytes"),
    ] {
        let refused = cli::ingest(&root, &[flag, value, &source]);
        let printed = cli::text(&refused);
        assert!(!refused.status.success(), "{flag}: {printed}");
        assert!(printed.contains(says), "{flag}: {printed}");
        assert_eq!(cli::snapshot(&root), before, "{flag} changed the index");
    }
}
