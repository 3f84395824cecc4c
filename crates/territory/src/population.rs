//! An optional population table per statistical sector (`geo/population_sectors.csv`,
//! columns `sector,population`, e.g. Statbel's population by sector), summed per commune,
//! Monitoring quartier and bassin for per-capita figures. Orienta bundles none and never
//! estimates one: without the table there are no per-capita figures.

use crate::TerritoryError;
use orienta_model::{Bassin, Territory};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;

/// The table's file name under `<data>/geo/`.
pub const FILE: &str = "population_sectors.csv";

#[derive(Debug, Deserialize)]
struct Row {
    sector: String,
    population: u64,
}

/// Population summed per territory.
#[derive(Debug, Clone, Default)]
pub struct Population {
    communes: HashMap<String, u64>,
    quartiers: HashMap<u32, u64>,
    bassins: HashMap<Bassin, u64>,
    /// Sectors of the table that the bundled sector layer does not know (left out).
    pub unknown_sectors: usize,
    /// Sectors read.
    pub sectors: usize,
}

impl Population {
    /// Reads the table; `territory_of` gives a sector code's territory.
    pub fn read<'a>(
        reader: impl Read,
        territory_of: impl Fn(&str) -> Option<&'a Territory>,
    ) -> Result<Self, TerritoryError> {
        let text = crate::sector_table::read_text(reader, FILE)?;
        let mut csv_reader = crate::sector_table::csv_reader(&text);
        let mut population = Self::default();
        for (line, row) in csv_reader.deserialize::<Row>().enumerate() {
            let row = row.map_err(|error| {
                TerritoryError::layer(FILE, format!("line {}: {error}", line + 2))
            })?;
            population.sectors += 1;
            match territory_of(&row.sector) {
                Some(territory) => population.add(territory, row.population),
                None => population.unknown_sectors += 1,
            }
        }
        if population.sectors == population.unknown_sectors {
            return Err(TerritoryError::layer(FILE, "no row names a known sector"));
        }
        Ok(population)
    }

    fn add(&mut self, territory: &Territory, count: u64) {
        if let Some(commune) = &territory.commune {
            *self.communes.entry(commune.nis.clone()).or_default() += count;
        }
        if let Some(quartier) = &territory.quartier {
            *self.quartiers.entry(quartier.code).or_default() += count;
        }
        if let Some(bassin) = &territory.bassin {
            *self.bassins.entry(bassin.slug).or_default() += count;
        }
    }

    /// The population of a commune.
    pub fn commune(&self, nis: &str) -> Option<u64> {
        self.communes.get(nis).copied()
    }

    /// The population of a Monitoring quartier.
    pub fn quartier(&self, code: u32) -> Option<u64> {
        self.quartiers.get(&code).copied()
    }

    /// The population of a bassin.
    pub fn bassin(&self, bassin: Bassin) -> Option<u64> {
        self.bassins.get(&bassin).copied()
    }
}

#[cfg(test)]
mod tests {
    use crate::Tagger;

    #[test]
    fn sums_sectors_into_communes_quartiers_and_bassins() {
        let tagger = Tagger::bundled()
            .unwrap()
            .with_population_table(
                "sector;population\n21015A00-;1000\n21015A01-;500\n99999X;7\n".as_bytes(),
            )
            .unwrap();
        let population = tagger.population().unwrap();
        assert_eq!(population.commune("21015"), Some(1500));
        assert_eq!((population.sectors, population.unknown_sectors), (3, 1));
        assert!(Tagger::bundled()
            .unwrap()
            .with_population_table("sector,population\nnowhere,3\n".as_bytes())
            .is_err());
        assert!(Tagger::bundled()
            .unwrap()
            .with_population_table("sector,population\n21015A00-,many\n".as_bytes())
            .is_err());
    }
}
