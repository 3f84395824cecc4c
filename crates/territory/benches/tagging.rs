//! Tagging throughput: `tag_point` on random points of the Region's bounding box (all of
//! them, and apart the ones inside the Region, which a sector polygon must hold) and on
//! real street midpoints, and `tag` on Lambert 72 and street-only inputs.
//!
//! Measured twice: wall time (criterion's default) and the benchmark thread's CPU time,
//! which other processes on a shared machine do not inflate.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use orienta_model::lambert::wgs84_to_lambert72;
use orienta_territory::{LocationInput, Tagger};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;

/// Random points in the Region's bounding box (about half fall outside the Region).
fn random_points(count: usize) -> Vec<(f64, f64)> {
    let mut rng = ChaCha8Rng::seed_from_u64(72);
    (0..count)
        .map(|_| {
            (
                rng.random_range(50.7636..50.9136),
                rng.random_range(4.2438..4.4826),
            )
        })
        .collect()
}

/// The OSM street midpoints of `data/geo/` (real addresses, all inside the Region).
fn street_points() -> Vec<(String, String, f64, f64)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/street_midpoints_osm.csv"
    );
    let mut reader = csv::Reader::from_path(path).expect("street midpoints");
    reader
        .deserialize::<(String, String, String, String, f64, f64)>()
        .filter_map(Result::ok)
        .map(|(postcode, _, street_fr, _, lon, lat)| (postcode, street_fr, lat, lon))
        .collect()
}

/// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), in nanoseconds.
struct ThreadCpuTime {
    wall: WallTime,
}

fn thread_cpu_nanos() -> u64 {
    let time = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    time.tv_sec as u64 * 1_000_000_000 + time.tv_nsec as u64
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_nanos().saturating_sub(start)
    }
    fn add(&self, left: &u64, right: &u64) -> u64 {
        left + right
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

fn tagging(criterion: &mut Criterion) {
    tag_point_group(criterion, "tag_point");
    tag_group(criterion);
}

fn tagging_cpu(criterion: &mut Criterion<ThreadCpuTime>) {
    tag_point_group(criterion, "tag_point_cpu_time");
}

/// `tag_point` on random points (all, and those inside the Region) and on real points.
fn tag_point_group<M: Measurement>(criterion: &mut Criterion<M>, name: &str) {
    let tagger = Tagger::bundled().expect("bundled layers");
    let random = random_points(10_000);
    // About half the box lies outside the Region; the points inside alone give the rate
    // for locations a source really has.
    let inside: Vec<(f64, f64)> = random
        .iter()
        .copied()
        .filter(|&(lat, lon)| tagger.tag_point(lat, lon).in_region)
        .collect();
    let real: Vec<(f64, f64)> = street_points()
        .iter()
        .map(|(_, _, lat, lon)| (*lat, *lon))
        .collect();
    let mut group = criterion.benchmark_group(name);
    group.throughput(Throughput::Elements(random.len() as u64));
    group.bench_function("random_bbox", |bencher| {
        bencher.iter(|| {
            for &(lat, lon) in &random {
                black_box(tagger.tag_point(lat, lon));
            }
        })
    });
    group.throughput(Throughput::Elements(inside.len() as u64));
    group.bench_function("random_bbox_inside_region", |bencher| {
        bencher.iter(|| {
            for &(lat, lon) in &inside {
                black_box(tagger.tag_point(lat, lon));
            }
        })
    });
    group.throughput(Throughput::Elements(real.len() as u64));
    group.bench_function("street_midpoints", |bencher| {
        bencher.iter(|| {
            for &(lat, lon) in &real {
                black_box(tagger.tag_point(lat, lon));
            }
        })
    });
    group.finish();
}

/// `tag` on Lambert 72 and street-only inputs.
fn tag_group(criterion: &mut Criterion) {
    let tagger = Tagger::bundled().expect("bundled layers");
    let streets = street_points();
    let real: Vec<(f64, f64)> = streets
        .iter()
        .map(|(_, _, lat, lon)| (*lat, *lon))
        .collect();
    let lambert: Vec<(f64, f64)> = real
        .iter()
        .filter_map(|&(lat, lon)| wgs84_to_lambert72(lat, lon))
        .collect();
    let mut group = criterion.benchmark_group("tag");
    group.throughput(Throughput::Elements(lambert.len() as u64));
    group.bench_function("lambert72", |bencher| {
        bencher.iter(|| {
            for &(x, y) in &lambert {
                black_box(tagger.tag(&LocationInput {
                    lambert_x: Some(x),
                    lambert_y: Some(y),
                    ..LocationInput::default()
                }));
            }
        })
    });
    group.throughput(Throughput::Elements(streets.len() as u64));
    group.bench_function("street_only", |bencher| {
        bencher.iter(|| {
            for (postcode, street_fr, _, _) in &streets {
                black_box(tagger.tag(&LocationInput {
                    postcode: Some(postcode),
                    street_fr: Some(street_fr),
                    ..LocationInput::default()
                }));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, tagging);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(ThreadCpuTime { wall: WallTime });
    targets = tagging_cpu
}
criterion_main!(benches, cpu_time);
