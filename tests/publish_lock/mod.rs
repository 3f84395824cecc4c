//! One writer per index, and re-imports that change nothing, on the real binary.

use crate::cli;
use orienta_search::changes::{self, ChangeKind};
use std::net::TcpListener;
use std::time::{Duration, Instant};

/// Starts an import that holds the lock while it waits `seconds` on a URL that never
/// answers (it then fails: nothing read).
fn slow_import(root: &std::path::Path, seconds: u64) -> (TcpListener, std::process::Child) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!(
        "http://{}/slow.json",
        listener.local_addr().expect("address")
    );
    let child = cli::ingest_command(
        root,
        &[
            "--http-timeout",
            &seconds.to_string(),
            "--http-retries",
            "0",
            &url,
        ],
    )
    .spawn()
    .expect("import starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(root.join(".lock")).is_ok_and(|text| text.starts_with("pid")) {
        assert!(
            Instant::now() < deadline,
            "the slow import never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (listener, child)
}

#[test]
fn a_second_import_fails_clearly_or_waits_while_the_first_holds_the_lock() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let sample = cli::sample(work.path(), 300, 31);
    cli::ingest_ok(&root, &[&sample]);

    let (_listener, mut first) = slow_import(&root, 4);
    let second = cli::ingest(&root, &[&sample]);
    let printed = cli::text(&second);
    assert!(!second.status.success(), "{printed}");
    assert!(
        printed.contains(&format!("locked by pid {} since", first.id())),
        "{printed}"
    );
    let waiting = cli::ingest(&root, &["--wait-lock", &sample]);
    assert!(waiting.status.success(), "{}", cli::text(&waiting));
    assert!(
        !first.wait().expect("first ends").success(),
        "the slow import read nothing"
    );
}

#[test]
fn a_lock_left_by_a_dead_import_is_taken_over() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let sample = cli::sample(work.path(), 300, 41);
    cli::ingest_ok(&root, &[&sample]);
    let (_listener, mut holder) = slow_import(&root, 30);
    let dead_pid = holder.id();
    holder.kill().expect("kill -9");
    holder.wait().expect("reaped");
    assert!(std::fs::read_to_string(root.join(".lock"))
        .expect("lock file")
        .starts_with(&format!("pid {dead_pid} ")));

    let output = cli::ingest_ok(&root, &[&sample]);
    assert!(
        cli::text(&output).contains("taking over a stale index lock"),
        "{}",
        cli::text(&output)
    );
}

#[test]
fn reimporting_unchanged_sources_records_no_update() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let sample = cli::sample(work.path(), 300, 51);
    cli::ingest_ok(&root, &[&sample]);
    let first = changes::read_feed(&root).len();
    assert!(first >= 300, "{first} created events");
    let output = cli::ingest_ok(&root, &[&sample]);
    assert!(
        cli::text(&output).contains(", 0 changes"),
        "{}",
        cli::text(&output)
    );
    let feed = changes::read_feed(&root);
    assert_eq!(feed.len(), first, "no event after an unchanged re-import");
    assert!(feed.iter().all(|event| event.change != ChangeKind::Updated));
}
