//! `/v1/places` in-process: one lookup of a typed place (target p50 ≤ 1 ms). Inputs: the
//! 250 blind street strings (`tests/geocoding/streets_blind.csv`: abbreviations, typos,
//! commune names) and the 37 hospital addresses as Eurostat writes them, each timed alone.

use criterion::{criterion_group, criterion_main, Criterion};
use orienta_territory::places::Geocoder;
use orienta_territory::Tagger;
use std::hint::black_box;

fn typed_places() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let mut texts = Vec::new();
    let blind = std::fs::read_to_string(format!("{root}tests/geocoding/streets_blind.csv"))
        .expect("blind strings");
    let mut reader = csv::Reader::from_reader(blind.as_bytes());
    texts.extend(reader.records().flatten().map(|row| row[1].to_owned()));
    let hospitals = std::fs::read_to_string(format!(
        "{root}data/providers/eurostat_hospitals_brussels.csv"
    ))
    .expect("hospitals");
    let mut reader = csv::Reader::from_reader(hospitals.as_bytes());
    texts.extend(
        reader
            .records()
            .flatten()
            .map(|row| format!("{}, {}", &row[6], &row[8])),
    );
    texts
}

fn lookup(c: &mut Criterion) {
    let geocoder = Geocoder::new(&Tagger::bundled().expect("layers"));
    let texts = typed_places();
    let mut next = 0;
    c.bench_function("places lookup (one typed place, 287 in rotation)", |b| {
        b.iter(|| {
            let text = &texts[next % texts.len()];
            next += 1;
            black_box(geocoder.lookup(text, 8))
        })
    });
    c.bench_function("places lookup, autocomplete prefix `rue jos`", |b| {
        b.iter(|| black_box(geocoder.lookup(black_box("rue jos"), 8)))
    });
}

criterion_group!(benches, lookup);
criterion_main!(benches);
