//! Issue 13: bounded sources (bytes per URL and file, records, field length), HTML
//! stripped after entities are decoded, NDJSON diagnostics that name the line.

use crate::common::{data, run_with, temp_file};
use orienta_ingest::{IngestOptions, SourceLimits};
use orienta_model::QualityCode;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A social.brussels record with the given id, names and description.
fn record(id: u32, name: &str, description: &str) -> String {
    serde_json::json!({
        "id": id,
        "nameOfficialFr": name,
        "nameOfficialNl": name,
        "descriptionFr": description,
    })
    .to_string()
}

fn options(limits: SourceLimits) -> IngestOptions {
    IngestOptions {
        limits,
        http: orienta_ingest::HttpOptions {
            retries: 0,
            politeness_delay: std::time::Duration::ZERO,
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A one-shot HTTP server: answers every request with `head` then `body_chunk` repeated
/// `chunks` times (stopping when the client goes away); counts the body bytes it sent.
fn serve(head: String, body_chunk: Vec<u8>, chunks: usize) -> (String, Arc<AtomicU64>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!(
        "http://{}/records.jsonl",
        listener.local_addr().expect("addr")
    );
    let sent = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&sent);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|read| read > 2) {
                line.clear();
            }
            if stream.write_all(head.as_bytes()).is_err() {
                continue;
            }
            for _ in 0..chunks {
                if stream.write_all(&body_chunk).is_err() {
                    break;
                }
                counter.fetch_add(body_chunk.len() as u64, Ordering::SeqCst);
            }
        }
    });
    (url, sent)
}

#[test]
fn url_source_over_the_byte_limit_fails_without_being_read_whole() {
    let line = format!("{}\n", record(1, "Maison", "x"));
    // 64 MiB offered, no Content-Length: the limit is 1 MiB.
    let chunks = 64 * 1024 * 1024 / line.len();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
    let (url, sent) = serve(head.to_owned(), line.into_bytes(), chunks);
    let limits = SourceLimits {
        max_source_bytes: 1024 * 1024,
        ..SourceLimits::default()
    };
    let outcome = run_with(&[url], options(limits));
    let source = &outcome.report.sources[0];
    let error = source.error.as_deref().expect("the source fails");
    assert!(error.contains("limit of 1048576 bytes"), "{error}");
    assert!(outcome.organisations.is_empty());
    assert!(
        sent.load(Ordering::SeqCst) < 32 * 1024 * 1024,
        "the client stopped reading early: {} bytes sent",
        sent.load(Ordering::SeqCst)
    );
}

#[test]
fn url_source_announcing_a_huge_length_fails_at_once() {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4294967296\r\nConnection: close\r\n\r\n";
    let (url, sent) = serve(head.to_owned(), vec![b' '; 64 * 1024], 1024);
    let started = std::time::Instant::now();
    let outcome = run_with(&[url], options(SourceLimits::default()));
    let error = outcome.report.sources[0].error.as_deref().expect("fails");
    assert!(error.contains("Content-Length: 4294967296"), "{error}");
    assert!(error.contains("limit of 536870912 bytes"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(sent.load(Ordering::SeqCst) < 64 * 1024 * 1024);
}

#[test]
fn file_over_the_byte_limit_fails_clearly() {
    let (_dir, path) = temp_file(
        "big.jsonl",
        &format!("{}\n", record(1, "Maison", "x")).repeat(100),
    );
    let limits = SourceLimits {
        max_source_bytes: 1000,
        ..SourceLimits::default()
    };
    let outcome = run_with(&[path], options(limits));
    let error = outcome.report.sources[0].error.as_deref().expect("fails");
    assert!(
        error.contains("larger than the limit of 1000 bytes"),
        "{error}"
    );
    assert_eq!(outcome.report.totals.read, 0);
}

#[test]
fn a_39_mb_description_is_cut_with_a_diagnostic() {
    let huge = "Aide alimentaire et accueil. ".repeat(39 * 1024 * 1024 / 29);
    let original = huge.trim_end().chars().count();
    let body = format!("{}\n", record(4242, "Épicerie sociale", &huge));
    let (_dir, path) = temp_file("huge.jsonl", &body);
    let limits = SourceLimits::default();
    let outcome = run_with(&[path], options(limits));
    assert_eq!(outcome.report.totals.accepted, 1);
    let organisation = &outcome.organisations[0];
    let description = organisation.description.fr.as_deref().expect("kept");
    assert_eq!(description.chars().count(), limits.max_text_chars);
    let cut: Vec<_> = outcome
        .report
        .with_code(QualityCode::FieldTruncated)
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert_eq!(cut[0].record_id.as_deref(), Some("4242"));
    assert_eq!(cut[0].field, "description.fr");
    assert!(
        cut[0]
            .message
            .starts_with(&format!("{original} characters")),
        "{} vs {original}",
        cut[0].message
    );
}

#[test]
fn names_are_cut_to_the_name_limit() {
    let name = "Maison ".repeat(200);
    let (_dir, path) = temp_file("long.jsonl", &format!("{}\n", record(7, &name, "")));
    let outcome = run_with(&[path], options(SourceLimits::default()));
    let organisation = &outcome.organisations[0];
    let limit = SourceLimits::default().max_name_chars;
    assert!(
        organisation
            .name
            .fr
            .as_deref()
            .expect("name")
            .chars()
            .count()
            <= limit
    );
    assert!(outcome
        .report
        .with_code(QualityCode::FieldTruncated)
        .any(|d| d.field == "name.fr"));
}

#[test]
fn a_source_over_the_record_limit_fails() {
    let body: String = (1..=5)
        .map(|id| format!("{}\n", record(id, "Maison", "")))
        .collect();
    let (_dir, path) = temp_file("five.jsonl", &body);
    let limits = SourceLimits {
        max_records: 4,
        ..SourceLimits::default()
    };
    let outcome = run_with(std::slice::from_ref(&path), options(limits));
    let error = outcome.report.sources[0].error.as_deref().expect("fails");
    assert!(
        error.contains("5 records, more than the limit of 4"),
        "{error}"
    );
    assert!(outcome.organisations.is_empty());
    let within = SourceLimits {
        max_records: 5,
        ..SourceLimits::default()
    };
    assert_eq!(run_with(&[path], options(within)).organisations.len(), 5);
}

#[test]
fn csv_over_the_record_limit_fails() {
    let limits = SourceLimits {
        max_records: 2,
        ..SourceLimits::default()
    };
    let outcome = run_with(&[data("examples/partner.csv")], options(limits));
    let error = outcome.report.sources[0].error.as_deref().expect("fails");
    assert!(
        error.contains("3 records, more than the limit of 2"),
        "{error}"
    );
}

/// True when a text holds `<` followed by what opens a tag.
fn has_tag_opening(text: &str) -> bool {
    text.match_indices('<').any(|(at, _)| {
        text[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    })
}

#[test]
fn encoded_tags_never_come_alive_in_names_and_texts() {
    let inputs = [
        (
            "&lt;img src=x onerror=alert(1)&gt;Maison",
            "&lt;b&gt;Aide&lt;/b&gt;",
        ),
        (
            "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Centre",
            "&amp;lt;svg onload=x&amp;gt;",
        ),
        (
            "<script>alert(1)</script>Accueil",
            "<scr<script>ipt>alert(2)</script>",
        ),
        ("&#60;iframe src=x&#62;Service", "&lt;a href=x onclick=y"),
    ];
    let body: String = inputs
        .iter()
        .enumerate()
        .map(|(index, (name, text))| format!("{}\n", record(100 + index as u32, name, text)))
        .collect();
    let (_dir, path) = temp_file("html.jsonl", &body);
    let outcome = run_with(&[path], options(SourceLimits::default()));
    assert_eq!(outcome.organisations.len(), inputs.len());
    for organisation in &outcome.organisations {
        let texts = [
            &organisation.name,
            &organisation.official_name,
            &organisation.description,
        ];
        for text in texts.iter().flat_map(|text| [&text.fr, &text.nl]).flatten() {
            assert!(!has_tag_opening(text), "{text:?}");
        }
        // Script content goes with its tags (in the texts, a split tag leaves inert text).
        let name = organisation.name.fr.as_deref().unwrap_or_default();
        assert!(!name.contains("alert"), "script content kept: {name:?}");
    }
}

#[test]
fn bad_input_fixtures_hold_no_tag_after_import() {
    let outcome = run_with(
        &[data("examples/cdcs_bad_inputs.jsonl")],
        options(SourceLimits::default()),
    );
    assert!(!outcome.organisations.is_empty());
    for organisation in &outcome.organisations {
        for name in [&organisation.name.fr, &organisation.name.nl]
            .into_iter()
            .flatten()
        {
            assert!(!has_tag_opening(name), "{name:?}");
        }
    }
}

#[test]
fn ndjson_diagnostics_name_the_line_of_the_file() {
    let body = format!(
        "{}\n{}\n{{\"id\": 3, \"nameOfficialFr\": \n",
        record(1, "Un", ""),
        record(2, "Deux", "")
    );
    let (_dir, path) = temp_file("three.jsonl", &body);
    let outcome = run_with(&[path], options(SourceLimits::default()));
    let source = &outcome.report.sources[0];
    assert_eq!((source.read, source.accepted, source.rejected), (3, 2, 1));
    let rejected = outcome
        .report
        .with_code(QualityCode::Unparsable)
        .next()
        .expect("a diagnostic for line 3");
    assert!(
        rejected.message.starts_with("line 3: "),
        "{}",
        rejected.message
    );
    assert!(
        !rejected.message.contains("line 1 "),
        "{}",
        rejected.message
    );
}

#[test]
fn hsds_schedule_descriptions_are_cleaned_like_every_text() {
    // Found by the hsds fuzz target: schedule descriptions skipped the HTML cleaning.
    let example = std::fs::read_to_string(data("examples/hsds_organization_full.json"))
        .expect("the HSDS example");
    let hostile = "Maandag tot vrijdag van 9<<z<< tot 17 uur &lt;img src=x onerror=y&gt;";
    let replaced = example.replace(
        "The service is available from 10 am to 6pm weekdays. The service is not available on public holidays.",
        hostile,
    );
    assert_ne!(
        replaced, example,
        "the example has the schedule description"
    );
    let (_dir, path) = temp_file("hsds.json", &replaced);
    let outcome = run_with(&[path], options(SourceLimits::default()));
    assert_eq!(outcome.organisations.len(), 1);
    let schedule = &outcome.organisations[0].schedule.text;
    let texts: Vec<&String> = [&schedule.fr, &schedule.nl, &schedule.en]
        .into_iter()
        .flatten()
        .collect();
    assert!(!texts.is_empty(), "the schedule text is kept");
    for text in texts {
        assert!(!has_tag_opening(text), "{text:?}");
        assert!(!text.contains("onerror"), "{text:?}");
    }
}
