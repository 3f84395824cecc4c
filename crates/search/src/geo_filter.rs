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

/// Great-circle distance in metres.
pub fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let dphi = (lat2 - lat1).to_radians();
    let dlambda = (lon2 - lon1).to_radians();
    let a = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// The coordinates of every document, read once from the lat/lon fast columns when a
/// version is opened (`NaN` for a document without a point): radius predicates and distance
/// ranking read a plain array instead of decoding bit-packed optional columns.
#[derive(Default)]
pub struct Coordinates {
    segments: HashMap<SegmentId, Arc<Vec<(f64, f64)>>>,
}

impl Coordinates {
    /// Reads the `lat` and `lon` columns of every segment.
    pub fn build(segments: &[SegmentReader]) -> tantivy::Result<Self> {
        let mut coordinates = Coordinates::default();
        for segment in segments {
            let lat_column = segment.fast_fields().f64("lat")?;
            let lon_column = segment.fast_fields().f64("lon")?;
            let points = (0..segment.max_doc())
                .map(|doc| match (lat_column.first(doc), lon_column.first(doc)) {
                    (Some(lat), Some(lon)) => (lat, lon),
                    _ => (f64::NAN, f64::NAN),
                })
                .collect();
            coordinates
                .segments
                .insert(segment.segment_id(), Arc::new(points));
        }
        Ok(coordinates)
    }

    /// The points of one segment, indexed by document id.
    pub fn segment(&self, segment: &SegmentReader) -> Arc<Vec<(f64, f64)>> {
        self.segments
            .get(&segment.segment_id())
            .cloned()
            .unwrap_or_default()
    }
}

/// The point of `doc` in its segment's points, when it has one.
pub fn point(points: &[(f64, f64)], doc: DocId) -> Option<(f64, f64)> {
    let (lat, lon) = *points.get(doc as usize)?;
    (!lat.is_nan()).then_some((lat, lon))
}

/// A query matching documents within `radius_m` of (`lat`, `lon`): a bounding-box test,
/// then the exact distance.
///
/// A predicate rather than range queries on the indexed coordinates: the other clauses
/// (a need, a bassin) lead the intersection and the predicate is evaluated only on their
/// candidates, where a coordinate range would first scan its column.
pub fn within_radius(
    coordinates: Arc<Coordinates>,
    lat: f64,
    lon: f64,
    radius_m: f64,
) -> Box<dyn Query> {
    let delta_lat = radius_m / METRES_PER_DEGREE_LAT;
    let delta_lon = radius_m / (METRES_PER_DEGREE_LAT * lat.to_radians().cos().max(0.01));
    let (lat_low, lat_high) = (lat - delta_lat, lat + delta_lat);
    let (lon_low, lon_high) = (lon - delta_lon, lon + delta_lon);
    let predicate = FunctionPredicate::from(move |segment: &SegmentReader| {
        let points = coordinates.segment(segment);
        Ok(move |doc: DocId| {
            let Some((doc_lat, doc_lon)) = point(&points, doc) else {
                return false;
            };
            let in_box =
                (lat_low..=lat_high).contains(&doc_lat) && (lon_low..=lon_high).contains(&doc_lon);
            in_box && haversine_m(lat, lon, doc_lat, doc_lon) <= radius_m
        })
    });
    Box::new(DocPredicateQuery::from(predicate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_known_distance() {
        let grand_place_to_reyers = haversine_m(50.8467, 4.3524, 50.851756, 4.401445);
        assert!(
            (grand_place_to_reyers - 3_490.0).abs() < 60.0,
            "{grand_place_to_reyers}"
        );
    }
}
