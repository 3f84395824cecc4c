//! Street lines (OpenStreetMap, ODbL, `data/geo/streets_osm.geojson`): the point of a
//! street nearest to its midpoint, and the approximate point of a house number along it.
//!
//! Brussels numbers a street from the end nearer the city centre (the Grand-Place), odd
//! numbers on one side and even on the other: number `n` lies about `n / 2` plots from
//! that end. With plots of about 7 m, that is `n × 3.5 m` along the street, never past its
//! far end. The answer says it is approximate (`address-approx`).

use orienta_text::street::street_key;
use serde::Deserialize;
use std::collections::HashMap;

/// The bundled street lines.
pub const STREETS_OSM_GEOJSON: &str = include_str!("../../../../data/geo/streets_osm.geojson");

/// Metres along the street per unit of house number (see the module doc).
const METRES_PER_NUMBER: f64 = 3.5;

/// Parts of a street farther than this from its midpoint belong to a namesake elsewhere.
const SAME_STREET_M: f64 = 1500.0;

/// The same from the postcode's centre, for a street without a midpoint.
pub(crate) const SAME_STREET_FROM_POSTCODE_M: f64 = 4000.0;

/// Where numbering starts: the Grand-Place.
const CITY_CENTRE: (f64, f64) = (50.8467, 4.3525);

/// A polyline, `(lat, lon)` vertices.
pub(crate) type Line = Vec<(f64, f64)>;

/// The street lines by street key (FR and NL names).
#[derive(Default)]
pub(crate) struct StreetLines {
    lines: Vec<Line>,
    by_key: HashMap<String, Vec<usize>>,
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Names,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Names {
    #[serde(default)]
    fr: Option<String>,
    #[serde(default)]
    nl: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    LineString(Vec<[f64; 2]>),
    MultiLineString(Vec<Vec<[f64; 2]>>),
}

impl StreetLines {
    /// Reads the bundled lines (an unreadable file gives no lines: points stay midpoints).
    pub fn bundled() -> Self {
        let Ok(collection) = serde_json::from_str::<Collection>(STREETS_OSM_GEOJSON) else {
            tracing::warn!("the bundled street lines are unreadable");
            return Self::default();
        };
        let mut lines = Self::default();
        for feature in collection.features {
            let parts = match feature.geometry {
                Geometry::LineString(line) => vec![line],
                Geometry::MultiLineString(parts) => parts,
            };
            let keys: Vec<String> = [feature.properties.fr, feature.properties.nl]
                .into_iter()
                .flatten()
                .map(|name| street_key(&name))
                .filter(|key| !key.is_empty())
                .collect();
            for part in parts {
                let line: Line = part.iter().map(|[lon, lat]| (*lat, *lon)).collect();
                if line.len() < 2 {
                    continue;
                }
                let position = lines.lines.len();
                lines.lines.push(line);
                for key in &keys {
                    lines.by_key.entry(key.clone()).or_default().push(position);
                }
            }
        }
        lines
    }

    /// The parts of the street named by `keys` near `midpoint`.
    pub fn parts_near(&self, keys: &[String], midpoint: (f64, f64)) -> Vec<&Line> {
        self.parts_within(keys, midpoint, SAME_STREET_M)
    }

    /// The parts of the street named by `keys` within `radius` metres of `point`.
    pub fn parts_within(&self, keys: &[String], point: (f64, f64), radius: f64) -> Vec<&Line> {
        let mut seen: Vec<usize> = Vec::new();
        for key in keys {
            for &position in self.by_key.get(key).into_iter().flatten() {
                let near = self.lines[position]
                    .iter()
                    .any(|vertex| metres(*vertex, point) <= radius);
                if near && !seen.contains(&position) {
                    seen.push(position);
                }
            }
        }
        seen.into_iter()
            .map(|position| &self.lines[position])
            .collect()
    }
}

/// Local planar metres between two `(lat, lon)` points (good to a few metres in Brussels).
pub(crate) fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (x, y) = offset(a, b);
    x.hypot(y)
}

/// `b - a` in metres east and north.
fn offset(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let lat_scale = 110_540.0;
    let lon_scale = 111_320.0 * a.0.to_radians().cos();
    ((b.1 - a.1) * lon_scale, (b.0 - a.0) * lat_scale)
}

/// The point of the parts nearest to `target`.
pub(crate) fn snap(parts: &[&Line], target: (f64, f64)) -> Option<(f64, f64)> {
    let mut best: Option<((f64, f64), f64)> = None;
    for part in parts {
        for pair in part.windows(2) {
            let point = nearest_on_segment(pair[0], pair[1], target);
            let distance = metres(point, target);
            if best.is_none_or(|(_, known)| distance < known) {
                best = Some((point, distance));
            }
        }
    }
    best.map(|(point, _)| point)
}

/// The point of segment `a`–`b` nearest to `target`.
fn nearest_on_segment(a: (f64, f64), b: (f64, f64), target: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = offset(a, b);
    let (tx, ty) = offset(a, target);
    let length = dx * dx + dy * dy;
    if length <= f64::EPSILON {
        return a;
    }
    let t = ((tx * dx + ty * dy) / length).clamp(0.0, 1.0);
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// The approximate point of house number `number` on the street made of `parts`: the
/// parts chained from the end nearer the city centre, walked `number × 3.5 m` along.
pub(crate) fn house_point(parts: &[&Line], number: u32) -> Option<(f64, f64)> {
    let start = street_ends(parts)
        .into_iter()
        .min_by(|a, b| metres(*a, CITY_CENTRE).total_cmp(&metres(*b, CITY_CENTRE)))?;
    let path = chain(parts, start);
    let along = f64::from(number) * METRES_PER_NUMBER;
    Some(walk(&path, along))
}

/// Part ends closer than this are one junction.
const JUNCTION_M: f64 = 20.0;

/// The ends of a street: the part ends that meet no other part (all part ends when the
/// street is a loop).
fn street_ends(parts: &[&Line]) -> Vec<(f64, f64)> {
    let ends: Vec<(usize, (f64, f64))> = parts
        .iter()
        .enumerate()
        .flat_map(|(at, part)| [part.first(), part.last()].map(|end| end.map(|end| (at, *end))))
        .flatten()
        .collect();
    let loose: Vec<(f64, f64)> = ends
        .iter()
        .filter(|(at, end)| {
            !ends
                .iter()
                .any(|(other, point)| other != at && metres(*end, *point) <= JUNCTION_M)
        })
        .map(|(_, end)| *end)
        .collect();
    if loose.is_empty() {
        ends.into_iter().map(|(_, end)| end).collect()
    } else {
        loose
    }
}

/// Parts further than this from the chain's end do not continue it.
const CHAIN_GAP_M: f64 = 300.0;

/// The parts chained from `start`: each next part is the one whose nearer end is closest
/// to the chain's end and whose other end lies farther from `start` (so that the other
/// carriageway of a dual road is not walked back).
fn chain(parts: &[&Line], start: (f64, f64)) -> Line {
    let mut remaining: Vec<&Line> = parts.to_vec();
    let mut path: Line = vec![start];
    let mut end = start;
    loop {
        let next = remaining
            .iter()
            .enumerate()
            .filter_map(|(at, part)| {
                let (first, last) = (*part.first()?, *part.last()?);
                let forward = metres(end, first) <= metres(end, last);
                let (entry, exit) = if forward {
                    (first, last)
                } else {
                    (last, first)
                };
                let progresses = metres(start, exit) > metres(start, end);
                progresses.then_some((at, metres(end, entry), forward))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((at, gap, forward)) = next else {
            break;
        };
        if gap > CHAIN_GAP_M {
            break;
        }
        let part = remaining.swap_remove(at);
        if forward {
            path.extend(part.iter().copied());
        } else {
            path.extend(part.iter().rev().copied());
        }
        end = *path.last().unwrap_or(&start);
    }
    path
}

/// The point `along` metres down `path` (its last point when the path is shorter).
fn walk(path: &Line, along: f64) -> (f64, f64) {
    let mut left = along;
    for pair in path.windows(2) {
        let length = metres(pair[0], pair[1]);
        if length >= left && length > 0.0 {
            let share = left / length;
            return (
                pair[0].0 + (pair[1].0 - pair[0].0) * share,
                pair[0].1 + (pair[1].1 - pair[0].1) * share,
            );
        }
        left -= length;
    }
    path.last().copied().unwrap_or((0.0, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_run_from_the_end_nearer_the_centre() {
        // A straight street going east from near the Grand-Place, 700 m long.
        let line: Line = vec![(50.8467, 4.3600), (50.8467, 4.3700)];
        let parts = vec![&line];
        let first = house_point(&parts, 2).expect("point");
        let hundredth = house_point(&parts, 100).expect("point");
        let beyond = house_point(&parts, 9999).expect("point");
        assert!(metres(first, line[0]) < 10.0);
        assert!((metres(hundredth, line[0]) - 350.0).abs() < 5.0);
        assert!(metres(beyond, line[1]) < 1.0);
    }

    #[test]
    fn the_bundled_lines_hold_named_streets() {
        let lines = StreetLines::bundled();
        let parts = lines.parts_near(&[street_key("Rue Josaphat")], (50.8620, 4.3770));
        assert!(!parts.is_empty());
    }
}
