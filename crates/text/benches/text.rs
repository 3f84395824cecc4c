//! Folding, tokenising and guessing the language of record texts (the bundled sample).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn texts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/sample/social_brussels_sample.ndjson"
    );
    let sample = std::fs::read_to_string(path).expect("the bundled sample");
    sample.lines().take(2_000).map(str::to_owned).collect()
}

fn text(c: &mut Criterion) {
    let texts = texts();
    c.bench_function("fold 2000 records", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|text| orienta_text::fold(black_box(text)).len())
                .sum::<usize>()
        })
    });
    c.bench_function("tokenize 2000 records", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|text| orienta_text::tokenize(black_box(text)).len())
                .sum::<usize>()
        })
    });
    c.bench_function("guess_text 2000 records", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|text| orienta_text::guess_text(black_box(text)))
                .count()
        })
    });
}

criterion_group!(benches, text);
criterion_main!(benches);
