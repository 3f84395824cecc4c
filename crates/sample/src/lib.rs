//! Deterministic generator of SYNTHETIC provider records shaped like social.brussels (CDCS)
//! organisations, placed on real Brussels streets.
//!
//! Every record carries the 52 keys of the real API (same types: `zipCode` int, `lastUpdate`
//! `dd/mm/yy`, arrays vs null), plus `"synthetic": true` and the spoken `"languages"`.
//! Addresses are real streets (OpenStreetMap midpoints, ODbL) with a jitter of at most 8 m,
//! their Lambert 72 x/y (proj4rs) and the statistical sector and Monitoring quartier of the
//! point. Contacts are fictitious: phones 02/000.xx.xx, `.example.org` addresses, enterprise
//! numbers 0999.xxx.xxx (valid mod 97, a range no enterprise uses), ids ≥ 5,000,000.
//! Only category ids 43 and 454 and legal status 932 are real CDCS ids; the other category
//! (10001–10045), sector (20001–20017) and legal-status (10901–10910) ids are made up.
//!
//! Record `i` of a run is a pure function of `(seed, i)`: the same count and seed always give
//! the same bytes.
#![deny(missing_docs)]

mod catalogue;
mod communes;
mod contact;
mod duplicate;
mod gazetteer;
mod hours;
mod naming;
mod place;
mod record;
mod shape;
mod texts;

use catalogue::{Catalogue, CATALOGUE};
use contact::KboSequence;
use gazetteer::{Gazetteer, GAZETTEER};
use place::Positioning;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use record::OrganisationInput;
use serde_json::Value;
use shape::Record;
use std::io::{self, BufWriter, Write};

/// The smallest id of a synthetic record (real CDCS ids are below 100,000).
pub const FIRST_ID: u64 = 5_000_000;

/// How a generated record is located or whether it repeats another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// lat/lon and Lambert 72 x/y (~92 %).
    Located,
    /// Lambert 72 x/y only, lat/lon null (~3 %).
    LambertOnly,
    /// Address only, every coordinate null (~3 %).
    AddressOnly,
    /// A real place just outside the Region (~1 %).
    OutsideRegion,
    /// A deliberate duplicate of an earlier record under another id (~1 %).
    Duplicate,
}

/// Counts of a generated set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenerateSummary {
    /// Records written.
    pub records: usize,
    /// Bytes written, newlines included.
    pub bytes: u64,
    /// Records with lat/lon and x/y.
    pub located: usize,
    /// Records with Lambert x/y only.
    pub lambert_only: usize,
    /// Records without coordinates.
    pub address_only: usize,
    /// Records outside the Brussels-Capital Region.
    pub outside_region: usize,
    /// Deliberate duplicates.
    pub duplicates: usize,
}

impl GenerateSummary {
    fn count(&mut self, kind: RecordKind) {
        self.records += 1;
        match kind {
            RecordKind::Located => self.located += 1,
            RecordKind::LambertOnly => self.lambert_only += 1,
            RecordKind::AddressOnly => self.address_only += 1,
            RecordKind::OutsideRegion => self.outside_region += 1,
            RecordKind::Duplicate => self.duplicates += 1,
        }
    }
}

/// The record generator of one seed.
pub struct Generator {
    catalogue: &'static Catalogue,
    gazetteer: &'static Gazetteer,
    kbo: KboSequence,
    base_rng: ChaCha8Rng,
}

impl Generator {
    /// A generator for `seed`. The first call loads the embedded streets and sectors (~0.1 s).
    pub fn new(seed: u64) -> Self {
        Self {
            catalogue: &CATALOGUE,
            gazetteer: &GAZETTEER,
            kbo: KboSequence::new(seed),
            base_rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// Record `index` of the run and how it is located.
    pub fn record(&self, index: u64) -> (RecordKind, Value) {
        let (kind, record) = self.build(index);
        // Invariant: the record holds only strings, numbers, booleans, lists and string-keyed maps.
        (kind, serde_json::to_value(&record).unwrap_or_default())
    }

    fn build(&self, index: u64) -> (RecordKind, Record) {
        let mut rng = self.base_rng.clone();
        rng.set_stream(index);
        let id = FIRST_ID + index * 3 + rng.random_range(0..3);
        let roll: f64 = rng.random();
        let kind = match roll {
            _ if roll < 0.01 && index > 0 => RecordKind::Duplicate,
            _ if roll < 0.02 => RecordKind::OutsideRegion,
            _ if roll < 0.05 => RecordKind::LambertOnly,
            _ if roll < 0.08 => RecordKind::AddressOnly,
            _ => RecordKind::Located,
        };
        let mut record = match kind {
            RecordKind::Duplicate => {
                let (_, original) = self.build(rng.random_range(0..index));
                let (_, copy) = duplicate::duplicate(&mut rng, self.gazetteer, original);
                copy
            }
            _ => self.organisation(&mut rng, index, kind),
        };
        record.id = id;
        (kind, record)
    }

    fn organisation(&self, rng: &mut ChaCha8Rng, index: u64, kind: RecordKind) -> Record {
        let positioning = match kind {
            RecordKind::LambertOnly => Positioning::LambertOnly,
            RecordKind::AddressOnly => Positioning::AddressOnly,
            RecordKind::OutsideRegion => Positioning::Outside,
            RecordKind::Located | RecordKind::Duplicate => Positioning::Full,
        };
        let (entry, status) = record::draw_type(rng, self.catalogue);
        let place = place::generate(rng, self.gazetteer, positioning, !status.french());
        // The fictitious 0999 range holds 10,000 numbers: past them, no number rather than a
        // repeated one (which would merge distinct organisations). The draw comes first so
        // that smaller runs keep their bytes.
        let kbo =
            (rng.random_bool(0.95) && index < contact::KBO_SPACE).then(|| self.kbo.number(index));
        let input = OrganisationInput {
            catalogue: self.catalogue,
            place,
            entry,
            status,
            kbo,
        };
        record::organisation(rng, input)
    }
}

/// `count` synthetic records for `seed`, as JSON values.
pub fn generate(count: usize, seed: u64) -> impl Iterator<Item = Value> {
    let generator = Generator::new(seed);
    (0..count as u64).map(move |index| generator.record(index).1)
}

/// Records generated in parallel before being written in order.
const CHUNK: u64 = 1_024;

/// Writes `count` records for `seed` as NDJSON (one record per line) and counts them.
/// Records are built on all cores, in chunks, and written in index order.
pub fn write_ndjson<W: Write>(out: W, count: usize, seed: u64) -> io::Result<GenerateSummary> {
    let generator = Generator::new(seed);
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut summary = GenerateSummary::default();
    let count = count as u64;
    let mut start = 0;
    while start < count {
        let end = count.min(start + CHUNK);
        let lines: Vec<(RecordKind, Vec<u8>)> = (start..end)
            .into_par_iter()
            .map(|index| {
                let (kind, record) = generator.build(index);
                let mut line = Vec::with_capacity(3_200);
                serde_json::to_writer(&mut line, &record).map(|()| {
                    line.push(b'\n');
                    (kind, line)
                })
            })
            .collect::<Result<_, _>>()?;
        for (kind, line) in lines {
            out.write_all(&line)?;
            summary.bytes += line.len() as u64;
            summary.count(kind);
        }
        start = end;
    }
    out.flush()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_model::lambert::lambert72_to_wgs84;

    #[test]
    fn district_and_sector_are_those_of_the_point() {
        let generator = Generator::new(42);
        for index in 0..1_500 {
            let (kind, record) = generator.build(index);
            let address = &record.address;
            let Some(code) = &address.statistics_code else {
                continue;
            };
            let sector = generator
                .gazetteer
                .sectors
                .iter()
                .find(|sector| &sector.code == code)
                .unwrap();
            assert_eq!(address.district_code, Some(sector.mdrc.to_string()));
            assert_eq!(address.municipality_fr, sector.commune_fr_upper);
            let point = match (address.lon, address.lat, address.x, address.y) {
                (Some(lon), Some(lat), _, _) => (lon, lat),
                (None, None, Some(x), Some(y)) => {
                    let (lat, lon) = lambert72_to_wgs84(x as f64, y as f64).unwrap();
                    (lon, lat)
                }
                _ => panic!("{kind:?} record {index} has a sector but no point"),
            };
            assert!(
                sector.contains(point.0, point.1),
                "{kind:?} record {index} is outside {code}"
            );
        }
    }

    #[test]
    fn outside_records_have_no_district() {
        let generator = Generator::new(3);
        let outside: Vec<Record> = (0..2_000)
            .map(|index| generator.build(index))
            .filter(|(kind, _)| *kind == RecordKind::OutsideRegion)
            .map(|(_, record)| record)
            .collect();
        assert!(!outside.is_empty());
        for record in outside {
            assert!(record.address.zip_code >= 1300 && record.address.statistics_code.is_none());
            assert!(record.address.lat.is_some() && record.address.x.is_some());
        }
    }
}
