//! The Statbel statistical sectors and their R-tree: which sector holds a point.

use crate::bundled;
use crate::TerritoryError;
use geo::coordinate_position::{CoordPos, CoordinatePosition};
use geo::{BoundingRect, Coord, Geometry, MultiPolygon};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::RTree;
use serde_json::Value;
use std::collections::HashMap;

/// One statistical sector: its codes, names and geometry.
#[derive(Debug, Clone)]
pub struct Sector {
    /// Sector code, e.g. `21015A77-`.
    pub code: String,
    /// French name (Statbel upper case).
    pub fr: String,
    /// Dutch name (Statbel upper case).
    pub nl: String,
    /// NIS code of the commune.
    pub nis: String,
    /// Statbel sub-municipality, the first 6 characters of the code (`21004C`).
    pub sub_munty: String,
    /// Monitoring quartier (MDRC code).
    pub mdrc: Option<u32>,
    /// Geometry, lon/lat.
    pub geometry: MultiPolygon<f64>,
}

type Envelope = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// The sectors and an R-tree of their bounding boxes.
pub struct SectorIndex {
    sectors: Vec<Sector>,
    tree: RTree<Envelope>,
}

impl SectorIndex {
    /// Reads the bundled 2022 sectors, filling the MDRC from the IBSA table when the layer
    /// lacks it.
    pub fn bundled() -> Result<Self, TerritoryError> {
        let quartier_of_sector = read_sector_quartiers(bundled::SECTOR_TO_QUARTIER)?;
        let collection: geojson::FeatureCollection = bundled::SECTORS_GEOJSON
            .parse()
            .map_err(|error| TerritoryError::layer(SECTORS_LAYER, error))?;
        let mut sectors = Vec::with_capacity(collection.features.len());
        for feature in collection.features {
            let Some(properties) = feature.properties.as_ref() else {
                return Err(TerritoryError::layer(
                    SECTORS_LAYER,
                    "feature without properties",
                ));
            };
            let text = |key: &str| {
                properties
                    .get(key)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            };
            let code = text("cd_sector").to_owned();
            if code.len() < 6 {
                return Err(TerritoryError::layer(
                    SECTORS_LAYER,
                    format!("bad sector code `{code}`"),
                ));
            }
            let mdrc = properties
                .get("mdrc")
                .and_then(Value::as_u64)
                .and_then(|mdrc| u32::try_from(mdrc).ok())
                .or_else(|| quartier_of_sector.get(&code).copied());
            let geometry = match feature.geometry.as_ref().map(Geometry::<f64>::try_from) {
                Some(Ok(Geometry::MultiPolygon(multi))) => multi,
                Some(Ok(Geometry::Polygon(polygon))) => MultiPolygon::new(vec![polygon]),
                _ => {
                    return Err(TerritoryError::layer(
                        SECTORS_LAYER,
                        format!("sector {code} has no polygon geometry"),
                    ))
                }
            };
            sectors.push(Sector {
                sub_munty: code[..6].to_owned(),
                fr: text("sector_name_fr").to_owned(),
                nl: text("sector_name_nl").to_owned(),
                nis: text("nis_commune").to_owned(),
                code,
                mdrc,
                geometry,
            });
        }
        Self::new(sectors)
    }

    /// Indexes the sectors.
    pub fn new(sectors: Vec<Sector>) -> Result<Self, TerritoryError> {
        let mut envelopes = Vec::with_capacity(sectors.len());
        for (index, sector) in sectors.iter().enumerate() {
            let Some(rect) = sector.geometry.bounding_rect() else {
                return Err(TerritoryError::layer(
                    SECTORS_LAYER,
                    format!("sector {} is empty", sector.code),
                ));
            };
            let corners = ([rect.min().x, rect.min().y], [rect.max().x, rect.max().y]);
            envelopes.push(GeomWithData::new(
                Rectangle::from_corners(corners.0, corners.1),
                index,
            ));
        }
        Ok(Self {
            sectors,
            tree: RTree::bulk_load(envelopes),
        })
    }

    /// The sectors, in layer order.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    /// The index of the sector holding `(lon, lat)`; a point on a shared edge goes to
    /// one of the sectors.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        let coord = Coord { x: lon, y: lat };
        let mut on_boundary = None;
        for envelope in self.tree.locate_all_at_point(&[lon, lat]) {
            let index = envelope.data;
            match self.sectors[index].geometry.coordinate_position(&coord) {
                CoordPos::Inside => return Some(index),
                CoordPos::OnBoundary => on_boundary = on_boundary.or(Some(index)),
                CoordPos::Outside => {}
            }
        }
        on_boundary
    }
}

const SECTORS_LAYER: &str = "statistical_sectors_2022.geojson";

/// Reads `sector_to_quartier_2024.csv` as sector code → MDRC.
fn read_sector_quartiers(text: &str) -> Result<HashMap<String, u32>, TerritoryError> {
    #[derive(serde::Deserialize)]
    struct Row {
        cd_sector: String,
        mdrc: u32,
    }
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .deserialize::<Row>()
        .map(|row| {
            row.map(|row| (row.cd_sector, row.mdrc))
                .map_err(|error| TerritoryError::layer("sector_to_quartier_2024.csv", error))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_and_ibsa_table_agree_on_every_quartier() {
        let index = SectorIndex::bundled().unwrap();
        assert_eq!(index.sectors().len(), 724);
        let table = read_sector_quartiers(bundled::SECTOR_TO_QUARTIER).unwrap();
        assert_eq!(table.len(), 724);
        for sector in index.sectors() {
            assert_eq!(
                sector.mdrc,
                table.get(&sector.code).copied(),
                "{}",
                sector.code
            );
        }
    }

    #[test]
    fn locates_the_grand_place() {
        let index = SectorIndex::bundled().unwrap();
        let sector = &index.sectors()[index.locate(4.3524, 50.8467).unwrap()];
        assert_eq!(sector.code, "21004A001");
        assert!(index.locate(4.4719, 50.8836).is_none(), "zaventem");
    }
}
