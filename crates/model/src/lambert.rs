//! Belgian Lambert 72 (EPSG:31370) ↔ WGS84 (EPSG:4326), with proj4rs.

use proj4rs::transform::transform;
use proj4rs::Proj;
use std::sync::OnceLock;

/// The two projections, parsed once.
struct Projections {
    lambert72: Proj,
    wgs84: Proj,
}

/// The projections, or `None` when the bundled EPSG definitions fail to parse (never
/// expected: they are compiled into proj4rs).
fn projections() -> Option<&'static Projections> {
    static PROJECTIONS: OnceLock<Option<Projections>> = OnceLock::new();
    PROJECTIONS
        .get_or_init(|| {
            let lambert72 = Proj::from_epsg_code(31370).ok()?;
            let wgs84 = Proj::from_epsg_code(4326).ok()?;
            Some(Projections { lambert72, wgs84 })
        })
        .as_ref()
}

/// Converts Lambert 72 metres to WGS84 `(lat, lon)` degrees; `None` when not finite or
/// the projection fails.
pub fn lambert72_to_wgs84(x: f64, y: f64) -> Option<(f64, f64)> {
    if !x.is_finite() || !y.is_finite() {
        return None;
    }
    let projections = projections()?;
    let mut point = (x, y);
    transform(&projections.lambert72, &projections.wgs84, &mut point).ok()?;
    let (lon, lat) = (point.0.to_degrees(), point.1.to_degrees());
    (lat.is_finite() && lon.is_finite()).then_some((lat, lon))
}

/// Converts WGS84 `(lat, lon)` degrees to Lambert 72 `(x, y)` metres.
pub fn wgs84_to_lambert72(lat: f64, lon: f64) -> Option<(f64, f64)> {
    if !lat.is_finite() || !lon.is_finite() {
        return None;
    }
    let projections = projections()?;
    let mut point = (lon.to_radians(), lat.to_radians());
    transform(&projections.wgs84, &projections.lambert72, &mut point).ok()?;
    (point.0.is_finite() && point.1.is_finite()).then_some(point)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_the_bruxelles_social_reference_point() {
        let (lat, lon) = lambert72_to_wgs84(152302.0, 171263.0).unwrap();
        assert!((lat - 50.85176).abs() < 1e-5, "lat {lat}");
        assert!((lon - 4.40145).abs() < 1e-5, "lon {lon}");
    }

    #[test]
    fn matches_proj_on_the_stack_reference() {
        let (lat, lon) = lambert72_to_wgs84(149000.0, 170000.0).unwrap();
        assert!((lat - 50.8404105).abs() < 1e-6, "lat {lat}");
        assert!((lon - 4.3545547).abs() < 1e-6, "lon {lon}");
    }

    #[test]
    fn round_trips() {
        let (x, y) = wgs84_to_lambert72(50.8467, 4.3524).unwrap();
        let (lat, lon) = lambert72_to_wgs84(x, y).unwrap();
        assert!((lat - 50.8467).abs() < 1e-8 && (lon - 4.3524).abs() < 1e-8);
        assert!(lambert72_to_wgs84(f64::NAN, 1.0).is_none());
    }
}
