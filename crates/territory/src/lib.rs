//! Territory tagging (API skeleton; being filled in).
#![deny(missing_docs)]

use orienta_model::{Geo, GeoMethod, Precision, QualityIssue, Territory};

/// What is known of a location's position.
#[derive(Debug, Clone, Default)]
pub struct LocationInput<'a> {
    /// WGS84 latitude from the source.
    pub lat: Option<f64>,
    /// WGS84 longitude from the source.
    pub lon: Option<f64>,
    /// Lambert 72 x (EPSG:31370).
    pub lambert_x: Option<f64>,
    /// Lambert 72 y (EPSG:31370).
    pub lambert_y: Option<f64>,
    /// 4-digit postcode.
    pub postcode: Option<&'a str>,
    /// Street name in French.
    pub street_fr: Option<&'a str>,
    /// Street name in Dutch.
    pub street_nl: Option<&'a str>,
    /// Commune or city name as given (FR or NL), used to check the postcode.
    pub city: Option<&'a str>,
    /// ISO country code, when given.
    pub country: Option<&'a str>,
}

/// The result of tagging a location.
#[derive(Debug, Clone)]
pub struct TagOutcome {
    /// The point used (fixed, converted or geocoded), when any.
    pub geo: Option<Geo>,
    /// The territory.
    pub territory: Territory,
    /// What was found and fixed (swapped coordinates, outside region…); `field` names use the
    /// social.brussels address keys (`address.lat`, `address.zipCode`…).
    pub issues: Vec<QualityIssue>,
}

/// Errors loading the territory layers.
#[derive(Debug, thiserror::Error)]
pub enum TerritoryError {
    /// A layer is missing or invalid.
    #[error("invalid territory layer {layer}: {reason}")]
    Layer {
        /// Layer file name.
        layer: String,
        /// What is wrong.
        reason: String,
    },
}

/// The territory layers of Brussels, ready to tag points.
pub struct Tagger {}

impl Tagger {
    /// The layers bundled in the binary (copied from `data/geo/`), without a QSS table.
    pub fn bundled() -> Result<Self, TerritoryError> {
        Ok(Self {})
    }

    /// Tags one location from whatever position information it has.
    pub fn tag(&self, _input: &LocationInput<'_>) -> TagOutcome {
        TagOutcome {
            geo: None,
            territory: Territory::outside(GeoMethod::None, Precision::Unknown),
            issues: Vec::new(),
        }
    }

    /// Tags a WGS84 point (fast path).
    pub fn tag_point(&self, _lat: f64, _lon: f64) -> Territory {
        Territory::outside(GeoMethod::Coordinates, Precision::Rooftop)
    }
}
