//! Whom a service serves: its service area (zone d'action, werkingsgebied), distinct from
//! where it is. A CPAS serves the residents of its commune wherever they are sent from; a
//! regional service serves everyone; many records do not say. (A radius around the
//! location is not modelled: no source gives one.)

use crate::territory::Bassin;
use serde::{Deserialize, Serialize};

/// How Orienta knows a service area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaStatus {
    /// Stated in a structured field (HSDS `service_area`, a partner's `serves` column).
    Declared,
    /// Read from the record's free text ("uniquement pour les habitants de Jette").
    Extracted,
    /// Derived by a rule from the kind of service (a CPAS serves its commune).
    Inferred,
    /// Nothing says; never guessed.
    #[default]
    Unknown,
}

/// The territory a service serves. Empty lists and `region: false` with status
/// [`AreaStatus::Unknown`] mean "zone non précisée".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceArea {
    /// The whole Brussels-Capital Region.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub region: bool,
    /// Communes served (NIS codes, sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub communes: Vec<String>,
    /// Bassins d'aide et de soins served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bassins: Vec<Bassin>,
    /// Monitoring quartiers served (codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quartiers: Vec<u32>,
    /// Communes explicitly left out ("toute la Région sauf Ixelles"), NIS codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_communes: Vec<String>,
    /// How it is known.
    #[serde(default)]
    pub status: AreaStatus,
    /// The text it was read from (or the rule applied), for staff and reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The source field the text came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ServiceArea {
    /// The whole Region, with how it is known.
    pub fn region(status: AreaStatus) -> Self {
        Self {
            region: true,
            status,
            ..Self::default()
        }
    }

    /// True when nothing is known about the area.
    pub fn is_unknown(&self) -> bool {
        self.status == AreaStatus::Unknown || !self.names_a_place()
    }

    /// True when the area names at least one place (exclusions alone do not).
    pub fn names_a_place(&self) -> bool {
        self.region
            || !self.communes.is_empty()
            || !self.bassins.is_empty()
            || !self.quartiers.is_empty()
    }

    /// Sorts and deduplicates the lists; a commune both served and excluded is excluded.
    pub fn normalise(&mut self) {
        self.communes.sort();
        self.communes.dedup();
        self.except_communes.sort();
        self.except_communes.dedup();
        self.communes
            .retain(|nis| self.except_communes.binary_search(nis).is_err());
        self.bassins.sort();
        self.bassins.dedup();
        self.quartiers.sort_unstable();
        self.quartiers.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_without_places_is_unknown_and_reads_back() {
        let mut area = ServiceArea {
            communes: vec!["21015".into(), "21009".into(), "21015".into()],
            except_communes: vec!["21009".into()],
            status: AreaStatus::Extracted,
            ..ServiceArea::default()
        };
        area.normalise();
        assert_eq!(area.communes, ["21015"]);
        assert!(!area.is_unknown());
        let json = serde_json::to_string(&area).unwrap();
        assert_eq!(serde_json::from_str::<ServiceArea>(&json).unwrap(), area);
        assert!(ServiceArea::default().is_unknown());
        let only_excluded = ServiceArea {
            except_communes: vec!["21001".into()],
            status: AreaStatus::Extracted,
            ..ServiceArea::default()
        };
        assert!(only_excluded.is_unknown());
    }
}
