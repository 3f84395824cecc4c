//! Reading, validating and tagging generated social.brussels records.
//!
//! Records are clones of the 13219 sample with varied ids, names, phones, postcodes and
//! points inside Brussels (and a few bad values), written as NDJSON. `ORIENTA_BENCH_RECORDS`
//! sets the count (default 100 000). Run: `cargo bench -p orienta-ingest`. The allocator
//! and its batch mode are the `orienta` binary's (`orienta-allocator`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use orienta_allocator as _;
use orienta_ingest::{ingest, IngestContext};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use std::io::Write;
use std::time::Duration;

const POSTCODES: &[u32] = &[
    1000, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1120, 1140, 1160, 1180, 1190, 1200, 1210,
];

fn generate(count: usize) -> tempfile::NamedTempFile {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/providers/cdcs_sample/organisation_13219.json"
    );
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("sample")).expect("sample json");
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    let mut writer = std::io::BufWriter::new(file.as_file_mut());
    let mut random = ChaCha8Rng::seed_from_u64(42);
    for index in 0..count {
        let mut record = sample.clone();
        let lat = random.random_range(50.80..50.88);
        let lon = random.random_range(4.31..4.45);
        record["id"] = json!(100_000 + index);
        record["nameOfficialFr"] = json!(format!("ASBL EXEMPLE {index} DE L'ACTION SOCIALE"));
        record["nameOfficialNl"] = json!(format!("VZW Voorbeeld {index} voor sociale actie"));
        record["telFr"] = json!([
            format!("02/{:03}.{:02}.{:02}", index % 1000, index % 97, index % 89),
            "0470/00.00.0"
        ]);
        record["address"]["lat"] = json!(lat);
        record["address"]["lon"] = json!(lon);
        record["address"]["zipCode"] = json!(POSTCODES[index % POSTCODES.len()]);
        record["address"]["number"] = json!(format!("{} bte {}", index % 300 + 1, index % 7 + 1));
        if index % 10 == 0 {
            // A tenth of the records: swapped coordinates and a zip code string.
            record["address"]["lat"] = json!(lon);
            record["address"]["lon"] = json!(lat);
            record["address"]["zipCode"] =
                json!(format!("B-{} ", POSTCODES[index % POSTCODES.len()]));
        }
        // Every record its own enterprise number (a fiftieth with a bad check digit).
        let head = 10_000_000 + index as u64;
        let check = if index % 50 == 0 { 0 } else { 97 - head % 97 };
        record["pmRp"] = json!([format!("{head}{check:02}")]);
        serde_json::to_writer(&mut writer, &record).expect("write record");
        writer.write_all(b"\n").expect("write newline");
    }
    drop(writer);
    file
}

fn bench(c: &mut Criterion) {
    let count: usize = std::env::var("ORIENTA_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let tagger = Tagger::bundled().expect("territory layers");
    let thesaurus = Thesaurus::bundled();
    let context = IngestContext::new(&tagger, &thesaurus);
    let file = generate(count);
    let sources = [file.path().display().to_string()];
    let mut group = c.benchmark_group("ingest");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Elements(count as u64));
    group.bench_function(format!("social_brussels_ndjson_{count}"), |b| {
        b.iter(|| {
            let _batch = orienta_allocator::batch_mode();
            let outcome = ingest(&sources, &context, &|_| {});
            assert_eq!(outcome.report.totals.accepted, count);
            outcome.organisations.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
