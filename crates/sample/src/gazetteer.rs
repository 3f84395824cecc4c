//! Real Brussels streets (OpenStreetMap midpoints, ODbL) with the statistical sector and
//! Monitoring quartier of each midpoint (Statbel / IBSA), embedded from `data/geo/`.

use crate::communes::{self, Commune};
use geo::{BoundingRect, Contains, MultiPolygon, Point, Rect};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

const STREETS_CSV: &str = include_str!("../../../data/geo/street_midpoints_osm.csv");
const SECTOR_TABLE_CSV: &str = include_str!("../../../data/geo/sector_to_quartier_2024.csv");
const SECTORS_GEOJSON: &str = include_str!("../../../data/geo/statistical_sectors_2022.geojson");

/// Institutional postcodes (European institutions, NATO, large users): no social services there.
const INSTITUTIONAL_POSTCODES: [u16; 11] = [
    1006, 1007, 1010, 1011, 1012, 1035, 1045, 1047, 1049, 1105, 1110,
];

/// A sector polygon (WGS84) with its bounding box.
type Shape = (MultiPolygon<f64>, Rect<f64>);

/// A statistical sector with its Monitoring quartier.
#[derive(Debug)]
pub(crate) struct Sector {
    pub code: String,
    pub name_fr: String,
    pub name_nl: String,
    pub mdrc: u32,
    pub quartier_fr: String,
    pub quartier_nl: String,
    pub commune_fr_upper: String,
    pub commune_nl_upper: String,
    /// The sector polygon (WGS84) and its bounding box, when the 2022 layer has it.
    pub shape: Option<Shape>,
}

impl Sector {
    /// Whether the point (WGS84) lies in the sector; true when the polygon is unknown.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let Some((polygon, bounds)) = &self.shape else {
            return true;
        };
        let point = Point::new(lon, lat);
        bounds.contains(&point) && polygon.contains(&point)
    }
}

/// A street of a commune, with the midpoint of its longest piece inside the commune.
#[derive(Debug)]
pub(crate) struct Street {
    pub postcode: u16,
    pub commune: &'static Commune,
    pub street_fr: String,
    pub street_nl: String,
    pub lon: f64,
    pub lat: f64,
    pub length_m: u32,
    /// Index into [`Gazetteer::sectors`] of the sector at the midpoint.
    pub sector: usize,
}

/// Streets and sectors.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub streets: Vec<Street>,
    pub sectors: Vec<Sector>,
}

/// The embedded gazetteer. Its validity is an invariant checked by this module's tests.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| load().expect("embedded street data is valid (see gazetteer tests)"));

#[derive(Deserialize)]
struct StreetRow {
    postcode: u16,
    nis_commune: u32,
    street_fr: String,
    street_nl: String,
    lon: f64,
    lat: f64,
    length_in_commune_m: u32,
    sector_at_point: String,
    match_quality: String,
}

#[derive(Deserialize)]
struct SectorRow {
    cd_sector: String,
    sector_name_fr: String,
    sector_name_nl: String,
    mdrc: u32,
    quartier_name_fr: String,
    quartier_name_nl: String,
    nis_commune: u32,
    commune_name_fr: String,
    commune_name_nl: String,
}

/// Parses the embedded tables; keeps only streets whose midpoint is inside their commune and
/// whose sector belongs to that commune.
pub(crate) fn load() -> Result<Gazetteer, String> {
    let mut shapes = sector_shapes()?;
    let mut sectors = Vec::new();
    let mut sector_index = HashMap::new();
    let mut sector_commune = Vec::new();
    for row in csv::Reader::from_reader(SECTOR_TABLE_CSV.as_bytes()).deserialize() {
        let row: SectorRow = row.map_err(|error| format!("sector table: {error}"))?;
        sector_index.insert(row.cd_sector.clone(), sectors.len());
        sector_commune.push(row.nis_commune);
        sectors.push(Sector {
            shape: shapes.remove(&row.cd_sector),
            code: row.cd_sector,
            name_fr: row.sector_name_fr,
            name_nl: row.sector_name_nl,
            mdrc: row.mdrc,
            quartier_fr: row.quartier_name_fr,
            quartier_nl: row.quartier_name_nl,
            commune_fr_upper: row.commune_name_fr,
            commune_nl_upper: row.commune_name_nl,
        });
    }
    let mut streets = Vec::new();
    for row in csv::Reader::from_reader(STREETS_CSV.as_bytes()).deserialize() {
        let row: StreetRow = row.map_err(|error| format!("street midpoints: {error}"))?;
        let Some(&sector) = sector_index.get(&row.sector_at_point) else {
            continue;
        };
        let usable = row.match_quality == "inside-commune"
            && sector_commune[sector] == row.nis_commune
            && !INSTITUTIONAL_POSTCODES.contains(&row.postcode)
            && sectors[sector].contains(row.lon, row.lat);
        let Some(commune) = communes::by_nis(row.nis_commune).filter(|_| usable) else {
            continue;
        };
        streets.push(Street {
            postcode: row.postcode,
            commune,
            street_fr: row.street_fr,
            street_nl: row.street_nl,
            lon: row.lon,
            lat: row.lat,
            length_m: row.length_in_commune_m,
            sector,
        });
    }
    if streets.is_empty() {
        return Err("no usable street".into());
    }
    Ok(Gazetteer { streets, sectors })
}

fn sector_shapes() -> Result<HashMap<String, Shape>, String> {
    let collection: geojson::FeatureCollection = SECTORS_GEOJSON
        .parse()
        .map_err(|error| format!("sector layer: {error}"))?;
    let mut shapes = HashMap::new();
    for feature in collection.features {
        let Some(code) = feature.property("cd_sector").and_then(|code| code.as_str()) else {
            continue;
        };
        let code = code.to_owned();
        let Some(geometry) = feature.geometry else {
            continue;
        };
        let polygon: MultiPolygon<f64> = match geo::Geometry::<f64>::try_from(geometry) {
            Ok(geo::Geometry::MultiPolygon(polygon)) => polygon,
            Ok(geo::Geometry::Polygon(polygon)) => MultiPolygon::new(vec![polygon]),
            _ => continue,
        };
        if let Some(bounds) = polygon.bounding_rect() {
            shapes.insert(code, (polygon, bounds));
        }
    }
    Ok(shapes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_cover_all_communes_with_consistent_sectors() {
        let gazetteer = load().unwrap();
        assert!(
            gazetteer.streets.len() > 3_500,
            "{}",
            gazetteer.streets.len()
        );
        let mut communes: Vec<u32> = gazetteer
            .streets
            .iter()
            .map(|street| street.commune.nis)
            .collect();
        communes.sort_unstable();
        communes.dedup();
        assert_eq!(communes.len(), 19);
        let with_shape = gazetteer
            .sectors
            .iter()
            .filter(|sector| sector.shape.is_some())
            .count();
        assert_eq!(with_shape, 724, "every 2024 sector has its 2022 polygon");
    }

    #[test]
    fn reyers_midpoint_is_in_its_sector() {
        let gazetteer = load().unwrap();
        let reyers = gazetteer
            .streets
            .iter()
            .find(|street| {
                street.street_fr == "Boulevard Auguste Reyers" && street.postcode == 1030
            })
            .unwrap();
        let sector = &gazetteer.sectors[reyers.sector];
        assert!(sector.code.starts_with("21015"));
        assert!(sector.contains(reyers.lon, reyers.lat));
        assert!(!sector.contains(reyers.lon + 0.05, reyers.lat));
    }
}
