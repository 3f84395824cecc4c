//! Latency samples and their percentiles.

use crate::queries::QueryKind;
use std::collections::BTreeMap;
use std::time::Duration;

/// Latency percentiles of one series, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Percentiles {
    /// Number of samples.
    pub count: usize,
    /// Median.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Mean.
    pub mean_ms: f64,
}

/// A growing series of latencies.
#[derive(Debug, Clone, Default)]
pub struct Samples {
    micros: Vec<f64>,
}

impl Samples {
    /// Adds one latency.
    pub fn push(&mut self, latency: Duration) {
        self.micros.push(latency.as_secs_f64() * 1e6);
    }

    /// Adds every sample of `other`.
    pub fn extend(&mut self, other: Samples) {
        self.micros.extend(other.micros);
    }

    /// Number of samples.
    pub fn len(&self) -> usize {
        self.micros.len()
    }

    /// The percentiles (nearest-rank).
    pub fn percentiles(&self) -> Percentiles {
        if self.micros.is_empty() {
            return Percentiles::default();
        }
        let mut sorted = self.micros.clone();
        sorted.sort_by(f64::total_cmp);
        let mean = sorted.iter().sum::<f64>() / sorted.len() as f64;
        Percentiles {
            count: sorted.len(),
            p50_ms: nearest_rank(&sorted, 0.50) / 1e3,
            p99_ms: nearest_rank(&sorted, 0.99) / 1e3,
            mean_ms: mean / 1e3,
        }
    }
}

/// Latencies and match counts of one kind.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct KindResult {
    /// Latency percentiles.
    pub latency: Percentiles,
    /// Mean number of matches.
    pub mean_total: f64,
}

/// Latencies of a run: per kind and over the whole mixed set.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Measured {
    /// Per kind.
    pub per_kind: BTreeMap<QueryKind, KindResult>,
    /// Every query of the mixed set.
    pub overall: Percentiles,
}

/// Collects latencies and match counts per kind.
#[derive(Debug, Default)]
pub struct Recorder {
    overall: Samples,
    per_kind: BTreeMap<QueryKind, (Samples, f64, u64)>,
}

impl Recorder {
    /// Records one query.
    pub fn record(&mut self, kind: QueryKind, latency: Duration, matches: f64) {
        self.overall.push(latency);
        let (samples, total, count) = self.per_kind.entry(kind).or_default();
        samples.push(latency);
        *total += matches;
        *count += 1;
    }

    /// The percentiles and mean match counts.
    pub fn finish(self) -> Measured {
        let per_kind = self
            .per_kind
            .into_iter()
            .map(|(kind, (samples, total, count))| {
                let result = KindResult {
                    latency: samples.percentiles(),
                    mean_total: total / count.max(1) as f64,
                };
                (kind, result)
            })
            .collect();
        Measured {
            per_kind,
            overall: self.overall.percentiles(),
        }
    }
}

/// The nearest-rank percentile of sorted, non-empty values.
fn nearest_rank(sorted: &[f64], quantile: f64) -> f64 {
    let rank = (quantile * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let mut samples = Samples::default();
        for micros in 1..=100u64 {
            samples.push(Duration::from_micros(micros * 10));
        }
        let percentiles = samples.percentiles();
        assert_eq!(percentiles.count, 100);
        assert!((percentiles.p50_ms - 0.5).abs() < 1e-9);
        assert!((percentiles.p99_ms - 0.99).abs() < 1e-9);
        assert!((percentiles.mean_ms - 0.505).abs() < 1e-9);
    }

    #[test]
    fn recorder_groups_by_kind() {
        let mut recorder = Recorder::default();
        recorder.record(QueryKind::Text, Duration::from_millis(1), 10.0);
        recorder.record(QueryKind::Text, Duration::from_millis(3), 20.0);
        recorder.record(QueryKind::Facets, Duration::from_millis(2), 5.0);
        let measured = recorder.finish();
        assert_eq!(measured.overall.count, 3);
        assert!((measured.per_kind[&QueryKind::Text].mean_total - 15.0).abs() < 1e-9);
        assert_eq!(measured.per_kind[&QueryKind::Facets].latency.count, 1);
    }

    #[test]
    fn empty_series_has_zero_percentiles() {
        assert_eq!(Samples::default().percentiles(), Percentiles::default());
    }
}
