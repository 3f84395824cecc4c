//! Search latency per query kind and index build time, on synthetic social.brussels-shaped
//! records imported with the real pipeline: 5k and 100k records (and 1M with
//! `ORIENTA_BENCH_1M=1`; `ORIENTA_BENCH_SIZES=5000` for a quick run). Targets at 100k: p50 ≤
//! 0.5 ms per query, build ≤ 10 s (`orienta-bench search` prints p50/p99 per kind).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use orienta_ingest::{ingest, IngestContext};
use orienta_model::{Bassin, Organisation};
use orienta_search::{build_version, IndexHandle, Near, SearchRequest, Sort};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const SEED: u64 = 20261127;

const TEXTS: &[&str] = &[
    "maison médicale",
    "médiation de dettes",
    "colis alimentaire",
    "santé mentale",
    "crèche",
    "maison de repos",
    "aide juridique",
    "sans-abri",
    "wijkgezondheidscentrum",
    "schuldbemiddeling",
    "kinderopvang",
    "woonzorgcentrum",
    "nachtopvang",
    "CPAS",
    "OCMW",
    "thuisverpleging",
];

const PLACES: &[(f64, f64)] = &[
    (50.8467, 4.3524),
    (50.8355, 4.3363),
    (50.8605, 4.3614),
    (50.8270, 4.3640),
    (50.8366, 4.3087),
    (50.8010, 4.3370),
];

/// 5k and 100k, plus 1M with `ORIENTA_BENCH_1M=1`; `ORIENTA_BENCH_SIZES=5000` overrides.
fn sizes() -> Vec<usize> {
    if let Ok(list) = std::env::var("ORIENTA_BENCH_SIZES") {
        return list
            .split(',')
            .filter_map(|size| size.trim().parse().ok())
            .collect();
    }
    let mut sizes = vec![5_000, 100_000];
    if std::env::var("ORIENTA_BENCH_1M").is_ok_and(|value| value == "1") {
        sizes.push(1_000_000);
    }
    sizes
}

/// Generates `size` records with the sample generator and imports them (tagging, needs, dedup).
fn organisations(dir: &Path, size: usize) -> Vec<Organisation> {
    let path = dir.join(format!("sample-{size}.ndjson"));
    let file = std::fs::File::create(&path).expect("sample file created");
    let mut writer = BufWriter::new(file);
    orienta_sample::write_ndjson(&mut writer, size, SEED).expect("sample written");
    writer.flush().expect("sample flushed");
    drop(writer);
    let tagger = Tagger::bundled().expect("bundled territory layers");
    let thesaurus = Thesaurus::bundled();
    let sources = [path.display().to_string()];
    ingest(&sources, &IngestContext::new(&tagger, &thesaurus), &|_| {}).organisations
}

fn base(text: Option<&str>) -> SearchRequest {
    SearchRequest {
        text: text.map(str::to_owned),
        limit: 10,
        ..SearchRequest::default()
    }
}

/// The queries of each kind: text, text + bassin, text + radius by distance, browse + facets.
fn query_kinds() -> Vec<(&'static str, Vec<SearchRequest>)> {
    let text = TEXTS.iter().map(|text| base(Some(text))).collect();
    let text_bassin = TEXTS
        .iter()
        .zip(Bassin::ALL.iter().cycle())
        .map(|(text, bassin)| SearchRequest {
            bassins: vec![*bassin],
            ..base(Some(text))
        })
        .collect();
    let text_radius = TEXTS
        .iter()
        .zip(PLACES.iter().cycle())
        .map(|(text, (lat, lon))| SearchRequest {
            near: Some(Near {
                lat: *lat,
                lon: *lon,
                radius_m: Some(2_000.0),
            }),
            sort: Sort::Distance,
            ..base(Some(text))
        })
        .collect();
    let facets = std::iter::once(None)
        .chain(Bassin::ALL.iter().copied().map(Some))
        .map(|bassin| SearchRequest {
            bassins: bassin.into_iter().collect(),
            facets: true,
            ..base(None)
        })
        .collect();
    vec![
        ("text", text),
        ("text_bassin", text_bassin),
        ("text_radius_distance", text_radius),
        ("facets_browse", facets),
    ]
}

fn bench_search(criterion: &mut Criterion) {
    let thesaurus = Arc::new(Thesaurus::bundled());
    for size in sizes() {
        let work = tempfile::tempdir().expect("temporary directory");
        let organisations = organisations(work.path(), size);
        let sources = vec![format!("synthetic-{size}")];

        let mut build_group = criterion.benchmark_group("build");
        build_group.sample_size(10);
        build_group.sampling_mode(SamplingMode::Flat);
        build_group.measurement_time(Duration::from_secs(if size > 10_000 { 60 } else { 10 }));
        build_group.bench_function(BenchmarkId::from_parameter(size), |bencher| {
            let root = work.path().join("build-bench");
            bencher.iter(|| {
                build_version(&root, &organisations, &thesaurus, &sources).expect("index built")
            });
        });
        build_group.finish();

        let root = work.path().join("index");
        build_version(&root, &organisations, &thesaurus, &sources).expect("index built");
        let handle = IndexHandle::open(&root, thesaurus.clone()).expect("index opened");
        let index = handle.get();
        let mut query_group = criterion.benchmark_group(format!("search/{size}"));
        query_group.measurement_time(Duration::from_secs(5));
        for (kind, requests) in query_kinds() {
            for request in &requests {
                index.search(request).expect("warm-up search");
            }
            query_group.bench_function(kind, |bencher| {
                let mut position = 0;
                bencher.iter(|| {
                    position = (position + 1) % requests.len();
                    index.search(&requests[position]).expect("search runs")
                });
            });
        }
        query_group.finish();
    }
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
