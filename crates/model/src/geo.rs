//! Points: WGS84 coordinates, how they were obtained and how precise they are.

use serde::{Deserialize, Serialize};

/// How a point was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoMethod {
    /// WGS84 coordinates from the source.
    Coordinates,
    /// Converted from Lambert 72 x/y.
    Lambert,
    /// The midpoint of the street (postcode + street name).
    Street,
    /// The postcode alone.
    Postcode,
    /// Nothing usable.
    None,
}

/// How precise a point or territory is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The building.
    Rooftop,
    /// Somewhere on the street.
    Street,
    /// Somewhere in the postcode area.
    Postcode,
    /// Unknown.
    Unknown,
}

/// A WGS84 point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// How it was obtained.
    pub method: GeoMethod,
    /// How precise it is.
    pub precision: Precision,
}
