//! Geographic filtering and distance: a bounding box and an exact haversine distance,
//! one predicate over the lat/lon fast columns. tantivy has no geo type yet (PR #2729); this
//! module is the one place to change when it lands.

use std::collections::HashMap;
use std::sync::Arc;
use tantivy::index::SegmentId;
use tantivy::query::doc_predicate_query::{DocPredicateQuery, FunctionPredicate};
use tantivy::query::Query;
use tantivy::{DocId, SegmentReader};

const EARTH_RADIUS_M: f64 = 6_371_008.8;
const METRES_PER_DEGREE_LAT: f64 = 111_320.0;

/// A closed interval of degrees along one axis.
#[derive(Debug, Clone, Copy)]
struct Interval {
    /// The smallest value.
    low: f64,
    /// The largest value.
    high: f64,
}

impl Interval {
    /// The values within `delta` of `centre`.
    fn around(centre: f64, delta: f64) -> Self {
        Interval {
            low: centre - delta,
            high: centre + delta,
        }
    }

    /// Whether `value` lies in the interval, bounds included.
    fn contains(self, value: f64) -> bool {
        (self.low..=self.high).contains(&value)
    }
}

/// Great-circle distance in metres.
pub fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = (lat2 - lat1).to_radians();
    let dlambda = (lon2 - lon1).to_radians();
    let a = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// Distances from one point, computed without trigonometry per document: an
/// equirectangular projection scaled by the cosine of the mean latitude (its first-order
/// expansion around the origin). Within 20 km it agrees with [`haversine_m`] to a few
/// centimetres; results still report the haversine distance.
#[derive(Debug, Clone, Copy)]
pub struct LocalDistance {
    lat: f64,
    lon: f64,
    cos_lat: f64,
    sin_lat: f64,
}

impl LocalDistance {
    /// Distances from (`lat`, `lon`).
    pub fn new(lat: f64, lon: f64) -> Self {
        let (sin_lat, cos_lat) = lat.to_radians().sin_cos();
        LocalDistance {
            lat,
            lon,
            cos_lat,
            sin_lat,
        }
    }

    /// Metres to (`lat`, `lon`).
    pub fn metres(&self, lat: f64, lon: f64) -> f64 {
        let delta_lat = (lat - self.lat).to_radians();
        let delta_lon = (lon - self.lon).to_radians();
        let mean_cos = self.cos_lat - self.sin_lat * delta_lat / 2.0;
        let east = delta_lon * mean_cos;
        EARTH_RADIUS_M * (east * east + delta_lat * delta_lat).sqrt()
    }
}

/// Smallest grid cell, in degrees of latitude (about 280 m; the longitude step is scaled
/// to the same ground distance).
const MIN_CELL_LAT_DEG: f64 = 0.0025;

/// Most cells along one side of a segment's grid (far-away points widen the cells).
const MAX_CELLS_PER_SIDE: usize = 256;

/// The coordinates of every document, read once from the lat/lon fast columns when a
/// version is opened: radius predicates and distance ranking read a plain array instead of
/// decoding bit-packed optional columns.
#[derive(Default)]
pub struct Coordinates {
    segments: HashMap<SegmentId, Arc<SegmentPoints>>,
}

impl Coordinates {
    /// Reads the `lat` and `lon` columns of every segment and grids their points.
    pub fn build(segments: &[SegmentReader]) -> tantivy::Result<Self> {
        let mut coordinates = Coordinates::default();
        for segment in segments {
            let lat_column = segment.fast_fields().f64("lat")?;
            let lon_column = segment.fast_fields().f64("lon")?;
            let points: Vec<(f64, f64)> = (0..segment.max_doc())
                .map(|doc| match (lat_column.first(doc), lon_column.first(doc)) {
                    (Some(lat), Some(lon)) => (lat, lon),
                    _ => (f64::NAN, f64::NAN),
                })
                .collect();
            coordinates
                .segments
                .insert(segment.segment_id(), Arc::new(SegmentPoints::new(points)));
        }
        Ok(coordinates)
    }

    /// The points of one segment.
    pub fn segment(&self, segment: &SegmentReader) -> Arc<SegmentPoints> {
        self.segments
            .get(&segment.segment_id())
            .cloned()
            .unwrap_or_default()
    }
}

/// The points of one segment by document id (`NaN` for a document without one), and a
/// uniform grid listing the documents of each cell.
#[derive(Default)]
pub struct SegmentPoints {
    points: Vec<(f64, f64)>,
    grid: Grid,
}

/// A uniform lat/lon grid in compressed-row form: the documents of cell `c` are
/// `docs[starts[c]..starts[c + 1]]`, in document order.
#[derive(Default)]
struct Grid {
    lat_origin: f64,
    lon_origin: f64,
    cell_lat: f64,
    cell_lon: f64,
    rows: usize,
    columns: usize,
    starts: Vec<u32>,
    docs: Vec<DocId>,
}

impl SegmentPoints {
    /// Grids the points (cells of about 280 m over the points' extent).
    pub fn new(points: Vec<(f64, f64)>) -> Self {
        let grid = Grid::new(&points);
        SegmentPoints { points, grid }
    }

    /// The point of `doc`, when it has one.
    pub fn point(&self, doc: DocId) -> Option<(f64, f64)> {
        let (lat, lon) = *self.points.get(doc as usize)?;
        (!lat.is_nan()).then_some((lat, lon))
    }

    /// Documents in the cells that meet a bounding box, as bits by document id: a
    /// superset of the documents inside the box.
    fn cells_meeting(&self, lat_range: Interval, lon_range: Interval) -> Vec<u64> {
        let mut bits = vec![0u64; self.points.len().div_ceil(64)];
        let grid = &self.grid;
        if grid.rows == 0 {
            return bits;
        }
        let (Some(rows), Some(columns)) = (
            grid.cell_range(lat_range, grid.lat_origin, grid.cell_lat, grid.rows),
            grid.cell_range(lon_range, grid.lon_origin, grid.cell_lon, grid.columns),
        ) else {
            return bits;
        };
        for row in rows {
            let first_cell = row * grid.columns + columns.start;
            let last_cell = row * grid.columns + columns.end;
            let docs = grid.starts[first_cell] as usize..grid.starts[last_cell] as usize;
            for &doc in &grid.docs[docs] {
                bits[doc as usize / 64] |= 1 << (doc % 64);
            }
        }
        bits
    }
}

impl Grid {
    fn new(points: &[(f64, f64)]) -> Self {
        let located = || points.iter().filter(|(lat, _)| !lat.is_nan());
        let lat_min = located().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let lat_max = located().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let lon_min = located().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let lon_max = located().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        if !lat_min.is_finite() {
            return Grid::default();
        }
        let lon_scale = lat_min.to_radians().cos().max(0.01);
        let cell_lat = MIN_CELL_LAT_DEG.max((lat_max - lat_min) / MAX_CELLS_PER_SIDE as f64);
        let cell_lon =
            (MIN_CELL_LAT_DEG / lon_scale).max((lon_max - lon_min) / MAX_CELLS_PER_SIDE as f64);
        let rows = ((lat_max - lat_min) / cell_lat) as usize + 1;
        let columns = ((lon_max - lon_min) / cell_lon) as usize + 1;
        let cell_of = |(lat, lon): (f64, f64)| {
            let row = (((lat - lat_min) / cell_lat) as usize).min(rows - 1);
            let column = (((lon - lon_min) / cell_lon) as usize).min(columns - 1);
            row * columns + column
        };
        let mut starts = vec![0u32; rows * columns + 1];
        for point in located() {
            starts[cell_of(*point) + 1] += 1;
        }
        for cell in 0..rows * columns {
            starts[cell + 1] += starts[cell];
        }
        let mut next = starts.clone();
        let mut docs = vec![0; starts[rows * columns] as usize];
        for (doc, point) in points.iter().enumerate() {
            if point.0.is_nan() {
                continue;
            }
            let cell = cell_of(*point);
            docs[next[cell] as usize] = doc as DocId;
            next[cell] += 1;
        }
        Grid {
            lat_origin: lat_min,
            lon_origin: lon_min,
            cell_lat,
            cell_lon,
            rows,
            columns,
            starts,
            docs,
        }
    }

    /// The cells (along one axis) that meet `[low, high]`; `None` when none does.
    fn cell_range(
        &self,
        range: Interval,
        origin: f64,
        cell: f64,
        count: usize,
    ) -> Option<std::ops::Range<usize>> {
        let first = ((range.low - origin) / cell).floor();
        let last = ((range.high - origin) / cell).floor();
        if last < 0.0 || first >= count as f64 {
            return None;
        }
        let first = first.max(0.0) as usize;
        let last = (last as usize).min(count - 1);
        Some(first..last + 1)
    }
}

/// A query matching documents within `radius_m` of (`lat`, `lon`): the grid cells meeting
/// the bounding box, then the box itself, then the exact distance.
///
/// A predicate rather than range queries on the indexed coordinates: the other clauses
/// (a need, a bassin) lead the intersection and the predicate is evaluated only on their
/// candidates, most of them answered by one bit of the cells' set without reading a point.
pub fn within_radius(
    coordinates: Arc<Coordinates>,
    lat: f64,
    lon: f64,
    radius_m: f64,
) -> Box<dyn Query> {
    let delta_lat = radius_m / METRES_PER_DEGREE_LAT;
    let delta_lon = radius_m / (METRES_PER_DEGREE_LAT * lat.to_radians().cos().max(0.01));
    let lat_range = Interval::around(lat, delta_lat);
    let lon_range = Interval::around(lon, delta_lon);
    let from = LocalDistance::new(lat, lon);
    let predicate = FunctionPredicate::from(move |segment: &SegmentReader| {
        let points = coordinates.segment(segment);
        let near_cells = points.cells_meeting(lat_range, lon_range);
        Ok(move |doc: DocId| {
            let in_cells = near_cells
                .get(doc as usize / 64)
                .is_some_and(|word| word & (1 << (doc % 64)) != 0);
            if !in_cells {
                return false;
            }
            let Some((doc_lat, doc_lon)) = points.point(doc) else {
                return false;
            };
            let in_box = lat_range.contains(doc_lat) && lon_range.contains(doc_lon);
            in_box && from.metres(doc_lat, doc_lon) <= radius_m
        })
    });
    Box::new(DocPredicateQuery::from(predicate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_distance_agrees_with_haversine() {
        let from = LocalDistance::new(50.8467, 4.3524);
        for step in 0..400 {
            let angle = f64::from(step) * 0.37;
            let reach = f64::from(step % 20 + 1) * 0.009;
            let (lat, lon) = (
                50.8467 + reach * angle.sin(),
                4.3524 + 1.6 * reach * angle.cos(),
            );
            let exact = haversine_m(50.8467, 4.3524, lat, lon);
            let fast = from.metres(lat, lon);
            assert!(
                (exact - fast).abs() < 0.05,
                "{exact} vs {fast} at {lat},{lon}"
            );
        }
    }

    #[test]
    fn grid_cells_cover_every_point_in_a_box() {
        // A lattice over Brussels, a far-away point and a document without one.
        let mut points: Vec<(f64, f64)> = (0..400)
            .map(|i| {
                (
                    50.76 + f64::from(i / 20) * 0.008,
                    4.25 + f64::from(i % 20) * 0.012,
                )
            })
            .collect();
        points.push((50.63, 5.57));
        points.push((f64::NAN, f64::NAN));
        let segment = SegmentPoints::new(points.clone());
        for (lat_range, lon_range) in [
            ((50.80, 50.83), (4.30, 4.36)),
            ((50.60, 50.70), (5.50, 5.60)),
            ((40.0, 41.0), (4.0, 5.0)),
            ((50.0, 51.0), (4.0, 6.0)),
        ] {
            let interval = |(low, high)| Interval { low, high };
            let (lat_range, lon_range) = (interval(lat_range), interval(lon_range));
            let bits = segment.cells_meeting(lat_range, lon_range);
            for (doc, (lat, lon)) in points.iter().enumerate() {
                let inside = lat_range.contains(*lat) && lon_range.contains(*lon);
                let flagged = bits[doc / 64] & (1 << (doc % 64)) != 0;
                assert!(!inside || flagged, "doc {doc} at {lat},{lon} missed");
            }
        }
        assert_eq!(segment.point(401), None);
        assert_eq!(segment.point(400), Some((50.63, 5.57)));
    }

    #[test]
    fn haversine_matches_known_distance() {
        let grand_place_to_reyers = haversine_m(50.8467, 4.3524, 50.851756, 4.401445);
        assert!(
            (grand_place_to_reyers - 3_490.0).abs() < 60.0,
            "{grand_place_to_reyers}"
        );
    }
}
