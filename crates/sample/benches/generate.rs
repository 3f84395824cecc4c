//! Generation speed: records per second, in memory and serialised as NDJSON.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn generation(c: &mut Criterion) {
    const RECORDS: usize = 2_000;
    // Load the embedded streets and sectors outside the measurement.
    orienta_sample::generate(1, 1).for_each(drop);
    let mut group = c.benchmark_group("generate");
    group.throughput(Throughput::Elements(RECORDS as u64));
    group.sample_size(20);
    group.bench_function("values", |b| {
        b.iter(|| orienta_sample::generate(RECORDS, black_box(20_261_127)).for_each(drop))
    });
    group.bench_function("ndjson", |b| {
        b.iter(|| orienta_sample::write_ndjson(std::io::sink(), RECORDS, black_box(20_261_127)))
    });
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
