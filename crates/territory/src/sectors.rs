//! The Statbel statistical sectors and their R-tree: which sector holds a point.

mod grid;

use crate::bundled;
use crate::TerritoryError;
use geo::coordinate_position::{CoordPos, CoordinatePosition};
use geo::{BoundingRect, Coord, Geometry, MultiPolygon};
use grid::{Cell, SectorGrid};
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

/// The sectors, an R-tree of their bounding boxes and a lookup grid.
pub struct SectorIndex {
    sectors: Vec<Sector>,
    tree: RTree<Envelope>,
    grid: Option<SectorGrid>,
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
        let mut index = Self {
            sectors,
            tree: RTree::bulk_load(envelopes),
            grid: None,
        };
        index.grid = SectorGrid::new(&index);
        Ok(index)
    }

    /// The sectors, in layer order.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }

    /// The index of the sector holding `(lon, lat)`: from the grid when the point's cell
    /// lies wholly in one sector or outside, else exactly.
    #[inline]
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        let Some(grid) = &self.grid else {
            return self.locate_exact(lon, lat);
        };
        let candidates = match grid.cell(lon, lat) {
            Cell::Sector(index) => return Some(index),
            Cell::Outside => return None,
            Cell::Crossed(candidates) => candidates,
        };
        let coord = Coord { x: lon, y: lat };
        let mut on_boundary = None;
        for &candidate in candidates {
            let index = usize::from(candidate);
            match self.sectors[index].geometry.coordinate_position(&coord) {
                CoordPos::Inside => return Some(index),
                CoordPos::OnBoundary => on_boundary = on_boundary.or(Some(index)),
                CoordPos::Outside => {}
            }
        }
        // The point is in a sector none of whose edges touch the cell, or outside.
        on_boundary.or_else(|| self.locate_exact(lon, lat))
    }

    /// The index of the sector holding `(lon, lat)` by R-tree and exact point-in-polygon;
    /// a point on a shared edge goes to one of the sectors.
    pub fn locate_exact(&self, lon: f64, lat: f64) -> Option<usize> {
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
    fn grid_agrees_with_the_exact_test() {
        let index = SectorIndex::bundled().unwrap();
        let grid = index.grid.as_ref().unwrap();
        assert!(grid.crossed_share() < 0.5, "{}", grid.crossed_share());
        eprintln!(
            "crossed share {} sets {}",
            grid.crossed_share(),
            grid.set_count()
        );
        // A deterministic low-discrepancy walk over the Region's box and a margin around it.
        let (mut lon_step, mut lat_step) = (0.0_f64, 0.0_f64);
        let mut grid_answers = 0;
        for _ in 0..200_000 {
            lon_step = (lon_step + 0.618_033_988_749_895) % 1.0;
            lat_step = (lat_step + 0.754_877_666_246_693) % 1.0;
            let lon = 4.22 + lon_step * 0.29;
            let lat = 50.74 + lat_step * 0.19;
            if !matches!(grid.cell(lon, lat), Cell::Crossed(_)) {
                grid_answers += 1;
            }
            assert_eq!(
                index.locate(lon, lat),
                index.locate_exact(lon, lat),
                "{lat} {lon}"
            );
        }
        assert!(grid_answers > 100_000, "{grid_answers}");
        assert_eq!(index.locate(f64::NAN, 50.8), None);
    }

    #[test]
    fn locates_the_grand_place() {
        let index = SectorIndex::bundled().unwrap();
        let sector = &index.sectors()[index.locate(4.3524, 50.8467).unwrap()];
        assert_eq!(sector.code, "21004A001");
        assert!(index.locate(4.4719, 50.8836).is_none(), "zaventem");
    }
}
