//! Fault injection: the real `orienta ingest` aborted at each publishing step and killed
//! (`kill -9`) at random moments; after each crash the index, opened as a server opens it,
//! serves a complete version whose change feed matches it.

use crate::cli;
use orienta_thesaurus::Thesaurus;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A small xorshift generator; the seed is printed so that a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

#[test]
fn crashes_at_any_point_leave_a_complete_version_and_a_matching_feed() {
    let work = tempfile::tempdir().expect("tempdir");
    let root = work.path().join("index");
    let thesaurus = Arc::new(Thesaurus::bundled());
    let samples = [
        cli::sample(work.path(), 300, 61),
        cli::sample(work.path(), 250, 62),
    ];
    let started = Instant::now();
    cli::ingest_ok(&root, &[&samples[0]]);
    let import_time = started.elapsed();
    let (mut serving, _) = cli::check_served_version(&root, &thesaurus);

    // Deterministic crash points, including between the feed and the switch; each import
    // differs from the serving version (an unchanged one writes no feed event).
    let points = [
        ("after-rename", &samples[1]),
        ("after-feed", &samples[1]),
        ("after-switch", &samples[0]),
    ];
    for (point, source) in points {
        let output = cli::ingest_command(&root, &["--allow-shrink", source])
            .env("ORIENTA_FAULT", point)
            .output()
            .expect("import runs");
        assert!(!output.status.success(), "{point}: {}", cli::text(&output));
        let (version, _) = cli::check_served_version(&root, &thesaurus);
        if point == "after-rename" {
            assert_eq!(
                version, serving,
                "{point}: a version without feed events never serves"
            );
        } else {
            assert!(
                version > serving,
                "{point}: the new version serves ({version})"
            );
        }
        serving = version;
    }

    // kill -9 at random moments of an import.
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |elapsed| elapsed.as_nanos() as u64 | 1);
    println!("random kills: seed {seed}, an import takes {import_time:?}");
    let mut random = Random(seed);
    let window = import_time.as_millis() as u64 + 200;
    for round in 0..12 {
        let source = &samples[round % 2];
        let mut child = cli::ingest_command(&root, &["--allow-shrink", source])
            .spawn()
            .expect("import starts");
        std::thread::sleep(Duration::from_millis(random.below(window)));
        let _ = child.kill();
        let _ = child.wait();
        let (version, documents) = cli::check_served_version(&root, &thesaurus);
        assert!(
            documents > 0,
            "round {round} (seed {seed}): {version} serves documents"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "fault injection took {:?}",
        started.elapsed()
    );
}
