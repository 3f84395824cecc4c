//! Territory tags: commune, statistical sector, Monitoring quartier, bassin, quartier social-santé.

use crate::geo::{GeoMethod, Precision};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the five *bassins d'aide et de soins* of Brussels (2024).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Bassin {
    /// Nord / Noord.
    #[serde(rename = "nord")]
    Nord,
    /// Nord-Est / Noordoost.
    #[serde(rename = "nord-est")]
    NordEst,
    /// Centre-Ouest / Centrum-West.
    #[serde(rename = "centre-ouest")]
    CentreOuest,
    /// Sud / Zuid.
    #[serde(rename = "sud")]
    Sud,
    /// Sud-Est / Zuidoost.
    #[serde(rename = "sud-est")]
    SudEst,
}

impl Bassin {
    /// The five bassins.
    pub const ALL: [Bassin; 5] = [
        Bassin::Nord,
        Bassin::NordEst,
        Bassin::CentreOuest,
        Bassin::Sud,
        Bassin::SudEst,
    ];

    /// URL slug: `nord`, `nord-est`, `centre-ouest`, `sud`, `sud-est`.
    pub fn slug(self) -> &'static str {
        match self {
            Bassin::Nord => "nord",
            Bassin::NordEst => "nord-est",
            Bassin::CentreOuest => "centre-ouest",
            Bassin::Sud => "sud",
            Bassin::SudEst => "sud-est",
        }
    }

    /// French label (official).
    pub fn label_fr(self) -> &'static str {
        match self {
            Bassin::Nord => "Nord",
            Bassin::NordEst => "Nord-Est",
            Bassin::CentreOuest => "Centre-Ouest",
            Bassin::Sud => "Sud",
            Bassin::SudEst => "Sud-Est",
        }
    }

    /// Dutch label (Orienta's translation; not an official name).
    pub fn label_nl(self) -> &'static str {
        match self {
            Bassin::Nord => "Noord",
            Bassin::NordEst => "Noordoost",
            Bassin::CentreOuest => "Centrum-West",
            Bassin::Sud => "Zuid",
            Bassin::SudEst => "Zuidoost",
        }
    }

    /// Parses a slug or a French or Dutch label, case-insensitively.
    pub fn parse(text: &str) -> Option<Bassin> {
        let wanted = text.trim().to_lowercase().replace([' ', '_'], "-");
        Bassin::ALL.into_iter().find(|bassin| {
            wanted == bassin.slug()
                || wanted == bassin.label_fr().to_lowercase()
                || wanted == bassin.label_nl().to_lowercase()
        })
    }
}

impl fmt::Display for Bassin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Bassin {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Bassin::parse(s).ok_or_else(|| {
            format!("unknown bassin `{s}`: expected nord, nord-est, centre-ouest, sud or sud-est")
        })
    }
}

/// Whether a tag comes from an official table or was inferred by a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TagStatus {
    /// Stated by the authority.
    Official,
    /// Derived by Orienta's rule (see `data/geo/bassin_rules.csv`).
    Inferred,
}

/// A commune (municipality) of the Region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneTag {
    /// NIS code, e.g. `21015`.
    pub nis: String,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

/// A Statbel statistical sector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectorTag {
    /// Sector code, e.g. `21015A77-`.
    pub code: String,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

/// A quartier of the Monitoring des Quartiers (IBSA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuartierTag {
    /// MDRC code, 1–917.
    pub code: u32,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

/// A bassin with its labels and how sure the assignment is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BassinTag {
    /// The bassin.
    pub slug: Bassin,
    /// French label.
    pub fr: String,
    /// Dutch label.
    pub nl: String,
    /// Official or inferred.
    pub status: TagStatus,
}

impl BassinTag {
    /// Builds the tag of a bassin with its labels.
    pub fn new(bassin: Bassin, status: TagStatus) -> Self {
        Self {
            slug: bassin,
            fr: bassin.label_fr().to_owned(),
            nl: bassin.label_nl().to_owned(),
            status,
        }
    }
}

/// A quartier social-santé (only from an official sector table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QssTag {
    /// QSS code as given by the official table.
    pub code: String,
    /// French name.
    pub fr: String,
    /// Dutch name.
    pub nl: String,
}

/// The territory of a location, and how it was obtained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Territory {
    /// How the point or area was obtained.
    pub method: GeoMethod,
    /// How precise it is.
    pub precision: Precision,
    /// Whether the location is inside the Brussels-Capital Region.
    pub in_region: bool,
    /// Commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<CommuneTag>,
    /// Statistical sector (only from a point).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<SectorTag>,
    /// Monitoring quartier (from a point or a street lying in one quartier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quartier: Option<QuartierTag>,
    /// Bassin d'aide et de soins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bassin: Option<BassinTag>,
    /// Quartier social-santé; absent until an official table is supplied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qss: Option<QssTag>,
}

impl Territory {
    /// A territory outside the Region, or unknown.
    pub fn outside(method: GeoMethod, precision: Precision) -> Self {
        Self {
            method,
            precision,
            in_region: false,
            commune: None,
            sector: None,
            quartier: None,
            bassin: None,
            qss: None,
        }
    }
}
