//! The official sector → quartier social-santé table (OBSS `SS_QSS_2024.xlsx` as CSV).

use crate::TerritoryError;
use orienta_model::{Bassin, QssTag};
use std::collections::HashMap;
use std::io::Read;

/// The QSS and bassin of one sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QssEntry {
    /// The quartier social-santé.
    pub qss: QssTag,
    /// The bassin stated by the table.
    pub bassin: Option<Bassin>,
}

/// Sector code → QSS and bassin.
#[derive(Debug, Clone, Default)]
pub struct QssTable {
    by_sector: HashMap<String, QssEntry>,
}

#[derive(serde::Deserialize)]
struct Row {
    #[serde(rename = "CodeSector")]
    sector: String,
    #[serde(rename = "QuartierSS_Gwwijk")]
    code: String,
    #[serde(rename = "NomQuartierSSFR")]
    name_fr: String,
    #[serde(rename = "NaamGWwijkNL")]
    name_nl: String,
    #[serde(rename = "BassinFR", default)]
    bassin_fr: String,
    #[serde(rename = "ZoneNL", default)]
    bassin_nl: String,
}

const LAYER: &str = "qss_sectors.csv";

impl QssTable {
    /// Reads the table: columns `CodeSector, QuartierSS_Gwwijk, NomQuartierSSFR,
    /// NaamGWwijkNL, BassinFR, ZoneNL`, separated by `,` or `;`.
    pub fn read(reader: impl Read) -> Result<Self, TerritoryError> {
        let text = crate::sector_table::read_text(reader, LAYER)?;
        let mut csv_reader = crate::sector_table::csv_reader(&text);
        let mut by_sector = HashMap::new();
        for (line, row) in csv_reader.deserialize::<Row>().enumerate() {
            let row = row.map_err(|error| TerritoryError::layer(LAYER, error))?;
            if row.sector.is_empty() || row.code.is_empty() {
                return Err(TerritoryError::layer(
                    LAYER,
                    format!("row {} has no sector or qss code", line + 2),
                ));
            }
            let bassin = Bassin::parse(&row.bassin_fr).or_else(|| Bassin::parse(&row.bassin_nl));
            let entry = QssEntry {
                qss: QssTag {
                    code: row.code,
                    fr: row.name_fr,
                    nl: row.name_nl,
                },
                bassin,
            };
            by_sector.insert(row.sector, entry);
        }
        if by_sector.is_empty() {
            return Err(TerritoryError::layer(LAYER, "the table has no rows"));
        }
        Ok(Self { by_sector })
    }

    /// The entry of a sector.
    pub fn get(&self, sector: &str) -> Option<&QssEntry> {
        self.by_sector.get(sector)
    }

    /// How many sectors it lists.
    pub fn sector_count(&self) -> usize {
        self.by_sector.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_comma_and_semicolon_tables() {
        let comma = "CodeSector,QuartierSS_Gwwijk,NomQuartierSSFR,NaamGWwijkNL,BassinFR,ZoneNL\n\
                     21015A77-,NE3,Reyers,Reyers,Nord-Est,Noordoost\n";
        let table = QssTable::read(comma.as_bytes()).unwrap();
        let entry = table.get("21015A77-").unwrap();
        assert_eq!(entry.qss.code, "NE3");
        assert_eq!(entry.bassin, Some(Bassin::NordEst));

        let semicolon =
            "\u{feff}CodeSector;QuartierSS_Gwwijk;NomQuartierSSFR;NaamGWwijkNL;BassinFR;ZoneNL\n\
                         21004C62-;12;Louise;Louiza;Sud;Zuid\n";
        let table = QssTable::read(semicolon.as_bytes()).unwrap();
        assert_eq!(table.get("21004C62-").unwrap().bassin, Some(Bassin::Sud));
        assert_eq!(table.sector_count(), 1);
    }

    #[test]
    fn rejects_a_table_without_the_columns() {
        assert!(QssTable::read("a,b\n1,2\n".as_bytes()).is_err());
        assert!(QssTable::read("".as_bytes()).is_err());
    }
}
