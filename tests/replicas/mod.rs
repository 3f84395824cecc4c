//! Two servers on one index root while an import publishes a new version: neither
//! answers from a half-written version, and both switch within seconds.

use crate::cli::{self, Server};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What one server answered: (total of a search, `/readyz` version) per request.
type Answers = Arc<Mutex<Vec<Result<(u64, String), String>>>>;

fn poll(port: u16, stop: Arc<AtomicBool>, answers: Answers) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            let search = cli::http(port, "GET", "/v1/search?per_page=1", None);
            let answer = match search {
                Some((200, body)) => serde_json::from_str::<serde_json::Value>(&body)
                    .ok()
                    .and_then(|json| json["total"].as_u64())
                    .map(|total| (total, String::new()))
                    .ok_or_else(|| format!("unreadable answer {body}")),
                other => Err(format!("answer {other:?}")),
            };
            answers.lock().expect("answers").push(answer);
            std::thread::sleep(Duration::from_millis(5));
        }
    })
}

#[test]
fn two_replicas_switch_to_a_new_version_without_a_half_written_answer() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let old = cli::sample(work.path(), 300, 71);
    let new = cli::sample(work.path(), 420, 72);
    cli::ingest_ok(&root, &[&old]);
    let servers = [Server::start(&root, &[]), Server::start(&root, &[])];
    let total = |server: &Server| {
        cli::get_json(server.port, "/v1/search?per_page=1")
            .and_then(|json| json["total"].as_u64())
            .expect("search answers")
    };
    let old_total = total(&servers[0]);
    assert_eq!(total(&servers[1]), old_total);
    let old_version = servers[0].ready().0;

    let stop = Arc::new(AtomicBool::new(false));
    let answers: Vec<Answers> = servers.iter().map(|_| Answers::default()).collect();
    let pollers: Vec<_> = servers
        .iter()
        .zip(&answers)
        .map(|(server, answers)| poll(server.port, stop.clone(), answers.clone()))
        .collect();
    cli::ingest_ok(&root, &["--allow-shrink", &new]);
    let published = std::fs::read_to_string(root.join("CURRENT")).expect("CURRENT");
    assert_ne!(published, old_version);
    let switched = Instant::now();
    for server in &servers {
        while server.ready().0 != published {
            assert!(
                switched.elapsed() < Duration::from_secs(5),
                "a replica did not switch"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let new_total = total(&servers[0]);
    assert_eq!(total(&servers[1]), new_total);
    assert_ne!(new_total, old_total, "the new version has another size");
    stop.store(true, Ordering::Relaxed);
    for poller in pollers {
        poller.join().expect("poller");
    }
    for (server, answers) in servers.iter().zip(&answers) {
        let answers = answers.lock().expect("answers");
        assert!(answers.len() > 20, "polled {} times", answers.len());
        let totals: BTreeSet<u64> = answers
            .iter()
            .map(|answer| match answer {
                Ok((total, _)) => *total,
                Err(error) => panic!("server {}: {error}", server.port),
            })
            .collect();
        assert!(
            totals.is_subset(&BTreeSet::from([old_total, new_total])),
            "server {} answered totals {totals:?} (old {old_total}, new {new_total})",
            server.port
        );
    }
    let changes = cli::get_json(servers[1].port, "/v1/changes?per_page=1").expect("changes");
    assert_eq!(changes["version"], published.as_str());
}
