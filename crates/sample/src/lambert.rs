//! WGS84 (EPSG:4326) ↔ Belgian Lambert 72 (EPSG:31370) with proj4rs.

use proj4rs::Proj;

/// The two projections. proj4rs works in radians for geographic coordinates.
pub(crate) struct Lambert72 {
    wgs84: Proj,
    lambert: Proj,
}

impl Lambert72 {
    /// Builds both projections from the bundled EPSG definitions.
    pub fn new() -> Self {
        // Invariant: both EPSG codes are in proj4rs's crs-definitions table (see tests).
        let wgs84 = Proj::from_epsg_code(4326).expect("EPSG:4326 is defined");
        let lambert = Proj::from_epsg_code(31370).expect("EPSG:31370 is defined");
        Self { wgs84, lambert }
    }

    /// Lambert 72 metres (x, y) of a WGS84 point.
    pub fn to_lambert(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let mut point = (lon.to_radians(), lat.to_radians(), 0.0);
        proj4rs::transform::transform(&self.wgs84, &self.lambert, &mut point).ok()?;
        Some((point.0, point.1)).filter(|(x, y)| x.is_finite() && y.is_finite())
    }

    /// WGS84 (lon, lat) in degrees of a Lambert 72 point.
    pub fn to_wgs84(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let mut point = (x, y, 0.0);
        proj4rs::transform::transform(&self.lambert, &self.wgs84, &mut point).ok()?;
        let (lon, lat) = (point.0.to_degrees(), point.1.to_degrees());
        Some((lon, lat)).filter(|(lon, lat)| lon.is_finite() && lat.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_cdcs_record() {
        // social.brussels organisation 13219: x 152302, y 171263 ↔ lon 4.401445, lat 50.851756.
        let lambert = Lambert72::new();
        let (x, y) = lambert
            .to_lambert(4.401445106123757, 50.851756126658735)
            .unwrap();
        assert!(
            (x - 152_302.0).abs() < 2.0 && (y - 171_263.0).abs() < 2.0,
            "{x} {y}"
        );
        let (lon, lat) = lambert.to_wgs84(149_000.0, 170_000.0).unwrap();
        assert!(
            (lon - 4.3545547).abs() < 1e-6 && (lat - 50.8404105).abs() < 1e-6,
            "{lon} {lat}"
        );
    }
}
