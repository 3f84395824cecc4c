//! Territory tagging for Brussels.
//!
//! A [`Tagger`] holds the layers of `data/geo/` (compiled into the binary): the 724 Statbel
//! statistical sectors in an R-tree, the 19 communes, the 145 Monitoring quartiers, the
//! bassin rule, the postcodes and the street midpoints. It tags a WGS84 point
//! ([`Tagger::tag_point`]) or a whole location with whatever it has: coordinates, Lambert
//! 72, street or postcode ([`Tagger::tag`]), reporting each fix as a [`QualityIssue`].
//!
//! Quartiers social-santé are only tagged from an official sector table
//! ([`Tagger::load`], [`Tagger::with_qss_table`]).
#![deny(missing_docs)]

mod address;
mod bundled;
mod catalog;
mod city;
mod locate;
pub mod places;
mod population;
mod postcodes;
mod qss;
mod sector_table;
mod sectors;
mod street_names;
mod streets;

pub use catalog::{street_accents, BassinInfo, CommuneInfo, QuartierInfo};
pub use population::Population;
pub use street_names::street_in_both_languages;

use catalog::Catalog;
use city::{CityMatch, CityNames};
use orienta_model::{
    Bassin, BassinTag, CommuneTag, Geo, GeoMethod, Precision, QualityIssue, SectorTag, TagStatus,
    Territory,
};
use postcodes::PostcodeTable;
use qss::QssTable;
use sectors::SectorIndex;
use std::path::Path;
use streets::StreetIndex;

/// What a place name names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceName {
    /// A commune, by NIS code.
    Commune(String),
    /// The Brussels-Capital Region.
    Region,
    /// Not a known name.
    Unknown,
}

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

impl TerritoryError {
    fn layer(layer: &str, reason: impl std::fmt::Display) -> Self {
        Self::Layer {
            layer: layer.to_owned(),
            reason: reason.to_string(),
        }
    }
}

/// The territory layers of Brussels, ready to tag points.
pub struct Tagger {
    catalog: Catalog,
    sectors: SectorIndex,
    /// The territory of each sector, in sector order, cloned by [`Tagger::tag_point`].
    sector_territories: Vec<Territory>,
    postcodes: PostcodeTable,
    cities: CityNames,
    streets: StreetIndex,
    qss: Option<QssTable>,
    population: Option<Population>,
}

impl Tagger {
    /// The layers bundled in the binary (copied from `data/geo/`), without a QSS table.
    pub fn bundled() -> Result<Self, TerritoryError> {
        // The sector polygons and the street index, the two largest layers, are read side
        // by side.
        let (sectors, streets) = std::thread::scope(|scope| {
            let streets = scope.spawn(StreetIndex::bundled);
            let sectors = SectorIndex::bundled();
            let streets = streets
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (sectors, streets)
        });
        let catalog = Catalog::bundled()?;
        let postcodes = PostcodeTable::bundled()?;
        let cities = CityNames::new(&catalog, &postcodes);
        let mut tagger = Self {
            catalog,
            sectors: sectors?,
            sector_territories: Vec::new(),
            postcodes,
            cities,
            streets: streets?,
            qss: None,
            population: None,
        };
        tagger.sector_territories = tagger.build_sector_territories()?;
        Ok(tagger)
    }

    /// The bundled layers plus `data_dir/geo/qss_sectors.csv` when that file exists.
    pub fn load(data_dir: &Path) -> Result<Self, TerritoryError> {
        let mut tagger = Self::bundled()?;
        let qss_path = data_dir.join("geo").join("qss_sectors.csv");
        if qss_path.exists() {
            let file = std::fs::File::open(&qss_path)
                .map_err(|error| TerritoryError::layer(&qss_path.display().to_string(), error))?;
            tagger = tagger.with_qss_table(file)?;
        } else {
            tracing::debug!(path = %qss_path.display(), "no qss table, quartiers social-santé left out");
        }
        let population_path = data_dir.join("geo").join(population::FILE);
        if population_path.exists() {
            let file = std::fs::File::open(&population_path).map_err(|error| {
                TerritoryError::layer(&population_path.display().to_string(), error)
            })?;
            tagger = tagger.with_population_table(file)?;
        }
        Ok(tagger)
    }

    /// Adds a population table per statistical sector (`sector,population`) for per-capita
    /// figures.
    pub fn with_population_table(
        mut self,
        reader: impl std::io::Read,
    ) -> Result<Self, TerritoryError> {
        let by_code: std::collections::HashMap<&str, usize> = self
            .sectors
            .sectors()
            .iter()
            .enumerate()
            .map(|(index, sector)| (sector.code.as_str(), index))
            .collect();
        let territories = &self.sector_territories;
        let population = Population::read(reader, |code| {
            by_code.get(code).map(|index| &territories[*index])
        })?;
        tracing::info!(
            sectors = population.sectors,
            unknown_sectors = population.unknown_sectors,
            "population table loaded"
        );
        self.population = Some(population);
        Ok(self)
    }

    /// The population table, when one was loaded.
    pub fn population(&self) -> Option<&Population> {
        self.population.as_ref()
    }

    /// Adds the official sector → QSS table (columns of OBSS `SS_QSS_2024.xlsx`): tagged
    /// sectors then carry their QSS, and the table's bassin with status `official`.
    pub fn with_qss_table(mut self, reader: impl std::io::Read) -> Result<Self, TerritoryError> {
        let table = QssTable::read(reader)?;
        let known = self
            .sectors
            .sectors()
            .iter()
            .filter(|sector| table.get(&sector.code).is_some())
            .count();
        if known == 0 {
            return Err(TerritoryError::layer(
                "qss_sectors.csv",
                "no sector code of the table is a 2022 statistical sector",
            ));
        }
        tracing::info!(
            sectors = known,
            missing = self.sectors.sectors().len() - known,
            rows = table.sector_count(),
            "qss table loaded"
        );
        self.qss = Some(table);
        self.catalog.set_bassins_official();
        self.sector_territories = self.build_sector_territories()?;
        Ok(self)
    }

    /// Tags one location from whatever position information it has.
    pub fn tag(&self, input: &LocationInput<'_>) -> TagOutcome {
        locate::tag(self, input)
    }

    /// Tags a WGS84 point (fast path): sector, commune, quartier, bassin (and QSS when a
    /// table is loaded); a point on no sector is outside the Region.
    pub fn tag_point(&self, lat: f64, lon: f64) -> Territory {
        match self.sectors.locate(lon, lat) {
            Some(index) => self.sector_territories[index].clone(),
            None => Territory::outside(GeoMethod::Coordinates, Precision::Rooftop),
        }
    }

    /// The 19 communes, by NIS code.
    pub fn communes(&self) -> &[CommuneInfo] {
        &self.catalog.communes
    }

    /// The commune of a NIS code.
    pub fn commune(&self, nis: &str) -> Option<&CommuneInfo> {
        self.catalog.commune(nis)
    }

    /// The 145 Monitoring quartiers, by MDRC code.
    pub fn quartiers(&self) -> &[QuartierInfo] {
        &self.catalog.quartiers
    }

    /// The Monitoring quartier of an MDRC code.
    pub fn quartier(&self, code: u32) -> Option<&QuartierInfo> {
        self.catalog.quartier(code)
    }

    /// A bassin's labels, status and communes.
    pub fn bassin_info(&self, bassin: Bassin) -> &BassinInfo {
        // Invariant: the catalog holds the five bassins in `Bassin::ALL` order.
        &self.catalog.bassins[Bassin::ALL.iter().position(|b| *b == bassin).unwrap_or(0)]
    }

    /// Whether an official QSS table is loaded.
    pub fn has_qss(&self) -> bool {
        self.qss.is_some()
    }

    /// The communes as an RFC 7946 FeatureCollection (`nis_commune`, `name_fr`, `name_nl`).
    pub fn communes_geojson(&self) -> &'static str {
        bundled::COMMUNES_GEOJSON
    }

    /// The Monitoring quartiers as an RFC 7946 FeatureCollection (`mdrc`, `name_fr`, `name_nl`).
    pub fn quartiers_geojson(&self) -> &'static str {
        bundled::QUARTIERS_GEOJSON
    }

    /// The inferred bassins as an RFC 7946 FeatureCollection (`bassin_fr`,
    /// `bassin_nl_unverified`, `status` saying the delimitation is inferred).
    pub fn bassins_geojson(&self) -> &'static str {
        bundled::BASSINS_GEOJSON
    }

    /// The boundary of the Region as an RFC 7946 FeatureCollection.
    pub fn region_geojson(&self) -> &'static str {
        bundled::REGION_GEOJSON
    }

    /// Converts Lambert 72 metres to WGS84 `(lat, lon)`.
    pub fn lambert72_to_wgs84(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        orienta_model::lambert::lambert72_to_wgs84(x, y)
    }

    /// Converts WGS84 `(lat, lon)` to Lambert 72 `(x, y)` metres.
    pub fn wgs84_to_lambert72(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        orienta_model::lambert::wgs84_to_lambert72(lat, lon)
    }

    /// The communes of a postcode, main commune first (empty when not a Brussels postcode).
    pub fn postcode_communes(&self, postcode: &str) -> Vec<CommuneTag> {
        self.postcodes
            .communes(postcode.trim())
            .filter_map(|row| self.catalog.commune(&row.nis).map(CommuneInfo::tag))
            .collect()
    }

    /// The bassins a Monitoring quartier's statistical sectors lie in (most quartiers lie in
    /// one).
    pub fn quartier_bassins(&self, code: u32) -> Vec<Bassin> {
        let mut bassins: Vec<Bassin> = self
            .sector_territories
            .iter()
            .filter(|territory| territory.quartier.as_ref().is_some_and(|q| q.code == code))
            .filter_map(|territory| territory.bassin.as_ref().map(|bassin| bassin.slug))
            .collect();
        bassins.sort();
        bassins.dedup();
        bassins
    }

    /// The commune most of a postcode's streets lie in (`1040` → Etterbeek).
    pub fn postcode_main_commune(&self, postcode: &str) -> Option<&CommuneInfo> {
        let main = self
            .postcodes
            .communes(postcode.trim())
            .max_by_key(|row| row.street_count)?;
        self.catalog.commune(&main.nis)
    }

    /// What a place name names: a commune (by its FR or NL name, a unique short form such
    /// as `Molenbeek`, a locality such as `Laeken`), the Region, or nothing known.
    pub fn read_place_name(&self, name: &str) -> PlaceName {
        match self.cities.resolve(name) {
            CityMatch::Commune(nis) | CityMatch::Locality(Some(nis)) => PlaceName::Commune(nis),
            CityMatch::Locality(None) if self.cities.is_region_name(&orienta_text::fold(name)) => {
                PlaceName::Region
            }
            _ => PlaceName::Unknown,
        }
    }

    /// Every name [`Tagger::read_place_name`] reads, folded, with what it names.
    pub fn place_names(&self) -> Vec<(String, PlaceName)> {
        self.cities
            .names()
            .into_iter()
            .map(|(key, nis)| {
                let named = nis.map_or(PlaceName::Region, PlaceName::Commune);
                (key, named)
            })
            .collect()
    }

    /// The mean `(lat, lon)` of the street midpoints of a postcode.
    pub fn postcode_centroid(&self, postcode: &str) -> Option<(f64, f64)> {
        self.streets.centroid(postcode.trim(), None)
    }

    /// The territory of every sector, with QSS and official bassin when a table is loaded.
    fn build_sector_territories(&self) -> Result<Vec<Territory>, TerritoryError> {
        let mut territories = Vec::with_capacity(self.sectors.sectors().len());
        for sector in self.sectors.sectors() {
            let missing = |what: &str| {
                TerritoryError::layer(
                    "statistical_sectors_2022.geojson",
                    format!("sector {} has no {what}", sector.code),
                )
            };
            let commune = self
                .catalog
                .commune(&sector.nis)
                .ok_or_else(|| missing("commune"))?;
            let rule = self
                .catalog
                .rule(&sector.nis, &sector.sub_munty)
                .ok_or_else(|| missing("bassin rule"))?;
            let quartier = sector.mdrc.and_then(|code| self.catalog.quartier(code));
            let official = self.qss.as_ref().and_then(|table| table.get(&sector.code));
            let bassin = match official.and_then(|entry| entry.bassin) {
                Some(bassin) => BassinTag::new(bassin, TagStatus::Official),
                None => rule.tag(),
            };
            territories.push(Territory {
                method: GeoMethod::Coordinates,
                precision: Precision::Rooftop,
                in_region: true,
                commune: Some(commune.tag()),
                sector: Some(SectorTag {
                    code: sector.code.clone(),
                    fr: sector.fr.clone(),
                    nl: sector.nl.clone(),
                }),
                quartier: quartier.map(QuartierInfo::tag),
                bassin: Some(bassin),
                qss: official.map(|entry| entry.qss.clone()),
            });
        }
        Ok(territories)
    }
}
