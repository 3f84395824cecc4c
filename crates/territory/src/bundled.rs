//! The layers of `data/geo/`, compiled into the binary.

/// Statbel statistical sectors 2022 (724), with commune, sub-municipality and MDRC.
pub const SECTORS_GEOJSON: &str =
    include_str!("../../../data/geo/statistical_sectors_2022.geojson");
/// The 19 communes (dissolved sectors).
pub const COMMUNES_GEOJSON: &str = include_str!("../../../data/geo/communes.geojson");
/// The 145 Monitoring quartiers (UrbIS).
pub const QUARTIERS_GEOJSON: &str = include_str!("../../../data/geo/monitoring_quartiers.geojson");
/// The five inferred bassins (dissolved sectors).
pub const BASSINS_GEOJSON: &str = include_str!("../../../data/geo/bassins_inferred.geojson");
/// The boundary of the Region.
pub const REGION_GEOJSON: &str = include_str!("../../../data/geo/brussels_region.geojson");
/// IBSA sector → Monitoring quartier, 2024 sector set.
pub const SECTOR_TO_QUARTIER: &str = include_str!("../../../data/geo/sector_to_quartier_2024.csv");
/// Commune / Bruxelles-Ville sub-municipality → bassin, with status.
pub const BASSIN_RULES: &str = include_str!("../../../data/geo/bassin_rules.csv");
/// (postcode, commune) pairs with their kind.
pub const POSTAL_CODES: &str = include_str!("../../../data/geo/postal_codes.csv");
/// BeST streets (postcode × commune × street, FR/NL).
pub const STREETS: &str = include_str!("../../../data/geo/brussels_streets.csv");
/// OSM street midpoints with quartier and bassin shares (ODbL).
pub const STREET_MIDPOINTS: &str = include_str!("../../../data/geo/street_midpoints_osm.csv");
