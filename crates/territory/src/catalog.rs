//! The named areas of the Region: communes, Monitoring quartiers, bassins and the rule
//! assigning communes (and Bruxelles-Ville sub-municipalities) to bassins.

use crate::bundled;
use crate::TerritoryError;
use orienta_model::{Bassin, BassinTag, CommuneTag, QuartierTag, TagStatus};
use orienta_text::case::{title_case, Accents};
use serde::{Deserialize, Serialize};

/// A commune of the Region, with its bassins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneInfo {
    /// NIS code, e.g. `21015`.
    pub nis: String,
    /// French name, e.g. `Schaerbeek`.
    pub fr: String,
    /// Dutch name, e.g. `Schaarbeek`.
    pub nl: String,
    /// The bassins it belongs to (several only for Bruxelles-Ville).
    pub bassins: Vec<Bassin>,
}

impl CommuneInfo {
    /// The commune as a territory tag.
    pub fn tag(&self) -> CommuneTag {
        CommuneTag {
            nis: self.nis.clone(),
            fr: self.fr.clone(),
            nl: self.nl.clone(),
        }
    }
}

/// A quartier of the Monitoring des Quartiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuartierInfo {
    /// MDRC code, 1–917.
    pub code: u32,
    /// French name (UrbIS upper case).
    pub fr: String,
    /// Dutch name (UrbIS upper case).
    pub nl: String,
    /// NIS codes of the communes whose sectors make it up.
    pub communes: Vec<String>,
}

impl QuartierInfo {
    /// The quartier as a territory tag.
    pub fn tag(&self) -> QuartierTag {
        QuartierTag {
            code: self.code,
            fr: self.fr.clone(),
            nl: self.nl.clone(),
        }
    }
}

/// A bassin d'aide et de soins, its labels and how sure its delimitation is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BassinInfo {
    /// The bassin.
    pub bassin: Bassin,
    /// URL slug.
    pub slug: &'static str,
    /// French label (official).
    pub fr: &'static str,
    /// Dutch label (Orienta's translation).
    pub nl: &'static str,
    /// `official` when every part is stated by the bassins or an official QSS table is
    /// loaded, `inferred` when a part rests on Orienta's rule.
    pub status: TagStatus,
    /// NIS codes of its communes (21004 Bruxelles appears in several bassins).
    pub communes: Vec<String>,
}

/// One line of `bassin_rules.csv`: a commune, or a Bruxelles-Ville sub-municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BassinRule {
    /// NIS code of the commune.
    pub nis: String,
    /// Statbel sub-municipality (`21004A`…), only for Bruxelles-Ville.
    pub sub_munty: Option<String>,
    /// The bassin.
    pub bassin: Bassin,
    /// `official`, or `inferred` for the rule's `inferred-high` / `inferred-medium`.
    pub status: TagStatus,
}

impl BassinRule {
    /// The rule's bassin as a tag.
    pub fn tag(&self) -> BassinTag {
        BassinTag::new(self.bassin, self.status)
    }
}

/// Communes, quartiers and bassin rules.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub(crate) communes: Vec<CommuneInfo>,
    pub(crate) quartiers: Vec<QuartierInfo>,
    pub(crate) rules: Vec<BassinRule>,
    pub(crate) bassins: Vec<BassinInfo>,
}

#[derive(Deserialize)]
struct Collection<P> {
    features: Vec<Feature<P>>,
}

#[derive(Deserialize)]
struct Feature<P> {
    properties: P,
}

#[derive(Deserialize)]
struct CommuneProperties {
    nis_commune: String,
    name_fr: String,
    name_nl: String,
}

#[derive(Deserialize)]
struct QuartierProperties {
    mdrc: u32,
    name_fr: String,
    name_nl: String,
    #[serde(default)]
    nis_communes: Vec<String>,
}

#[derive(Deserialize)]
struct RuleRow {
    nis_commune: String,
    cd_sub_munty: String,
    bassin_fr: String,
    status: String,
}

impl Catalog {
    /// Reads the bundled communes, quartiers and bassin rules.
    pub fn bundled() -> Result<Self, TerritoryError> {
        let rules = read_rules(bundled::BASSIN_RULES)?;
        let communes: Collection<CommuneProperties> =
            serde_json::from_str(bundled::COMMUNES_GEOJSON)
                .map_err(|error| TerritoryError::layer("communes.geojson", error))?;
        let mut communes: Vec<CommuneInfo> = communes
            .features
            .into_iter()
            .map(|feature| {
                let properties = feature.properties;
                let mut bassins: Vec<Bassin> = rules
                    .iter()
                    .filter(|rule| rule.nis == properties.nis_commune)
                    .map(|rule| rule.bassin)
                    .collect();
                bassins.sort();
                bassins.dedup();
                CommuneInfo {
                    nis: properties.nis_commune,
                    fr: properties.name_fr,
                    nl: properties.name_nl,
                    bassins,
                }
            })
            .collect();
        communes.sort_by(|left, right| left.nis.cmp(&right.nis));
        if communes.len() != 19 || communes.iter().any(|commune| commune.bassins.is_empty()) {
            return Err(TerritoryError::layer(
                "communes.geojson",
                "expected 19 communes, each with a bassin rule",
            ));
        }

        let quartiers: Collection<QuartierProperties> =
            serde_json::from_str(bundled::QUARTIERS_GEOJSON)
                .map_err(|error| TerritoryError::layer("monitoring_quartiers.geojson", error))?;
        let accents = street_accents();
        let readable = |upper: &str| accents.restore(&title_case(upper));
        let mut quartiers: Vec<QuartierInfo> = quartiers
            .features
            .into_iter()
            .map(|feature| QuartierInfo {
                code: feature.properties.mdrc,
                fr: readable(&feature.properties.name_fr),
                nl: readable(&feature.properties.name_nl),
                communes: feature.properties.nis_communes,
            })
            .collect();
        quartiers.sort_by_key(|quartier| quartier.code);

        let bassins = bassin_infos(&rules, false);
        Ok(Self {
            communes,
            quartiers,
            rules,
            bassins,
        })
    }

    /// The commune of a NIS code.
    pub fn commune(&self, nis: &str) -> Option<&CommuneInfo> {
        self.communes
            .binary_search_by(|commune| commune.nis.as_str().cmp(nis))
            .ok()
            .map(|index| &self.communes[index])
    }

    /// The Monitoring quartier of an MDRC code.
    pub fn quartier(&self, code: u32) -> Option<&QuartierInfo> {
        self.quartiers
            .binary_search_by_key(&code, |quartier| quartier.code)
            .ok()
            .map(|index| &self.quartiers[index])
    }

    /// The rule for a commune, or for a Bruxelles-Ville sub-municipality (`21004A`…).
    pub fn rule(&self, nis: &str, sub_munty: &str) -> Option<&BassinRule> {
        self.rules
            .iter()
            .find(|rule| rule.nis == nis && rule.sub_munty.as_deref() == Some(sub_munty))
            .or_else(|| {
                self.rules
                    .iter()
                    .find(|rule| rule.nis == nis && rule.sub_munty.is_none())
            })
    }

    /// `official` when a rule puts (part of) the commune in that bassin officially.
    pub fn rule_status(&self, nis: &str, bassin: Bassin) -> TagStatus {
        let official = self.rules.iter().any(|rule| {
            rule.nis == nis && rule.bassin == bassin && rule.status == TagStatus::Official
        });
        if official {
            TagStatus::Official
        } else {
            TagStatus::Inferred
        }
    }

    /// Marks every bassin official (an official QSS table was loaded).
    pub fn set_bassins_official(&mut self) {
        self.bassins = bassin_infos(&self.rules, true);
    }
}

/// Reads `bassin_rules.csv`.
fn read_rules(text: &str) -> Result<Vec<BassinRule>, TerritoryError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rules = Vec::new();
    for row in reader.deserialize::<RuleRow>() {
        let row = row.map_err(|error| TerritoryError::layer("bassin_rules.csv", error))?;
        let Some(bassin) = Bassin::parse(&row.bassin_fr) else {
            return Err(TerritoryError::layer(
                "bassin_rules.csv",
                format!("unknown bassin `{}`", row.bassin_fr),
            ));
        };
        let status = if row.status == "official" {
            TagStatus::Official
        } else {
            TagStatus::Inferred
        };
        let sub_munty = Some(row.cd_sub_munty.trim().to_owned()).filter(|code| !code.is_empty());
        rules.push(BassinRule {
            nis: row.nis_commune,
            sub_munty,
            bassin,
            status,
        });
    }
    Ok(rules)
}

/// The five bassins with their communes and status.
fn bassin_infos(rules: &[BassinRule], all_official: bool) -> Vec<BassinInfo> {
    Bassin::ALL
        .into_iter()
        .map(|bassin| {
            let parts: Vec<&BassinRule> =
                rules.iter().filter(|rule| rule.bassin == bassin).collect();
            let mut communes: Vec<String> = parts.iter().map(|rule| rule.nis.clone()).collect();
            communes.sort();
            communes.dedup();
            let stated = parts.iter().all(|rule| rule.status == TagStatus::Official);
            BassinInfo {
                bassin,
                slug: bassin.slug(),
                fr: bassin.label_fr(),
                nl: bassin.label_nl(),
                status: if all_official || stated {
                    TagStatus::Official
                } else {
                    TagStatus::Inferred
                },
                communes,
            }
        })
        .collect()
}

/// The accented words of the bundled street names, to write names published in capitals
/// without accents (the Monitoring quartiers, hospital addresses) as readers expect them:
/// "Chaussée de Haecht". Learnt once.
pub fn street_accents() -> &'static Accents {
    static ACCENTS: std::sync::OnceLock<Accents> = std::sync::OnceLock::new();
    ACCENTS.get_or_init(learn_street_accents)
}

fn learn_street_accents() -> Accents {
    let mut reader = csv::Reader::from_reader(bundled::STREETS.as_bytes());
    let names: Vec<String> = reader
        .records()
        .filter_map(Result::ok)
        .flat_map(|row| [row.get(4).map(str::to_owned), row.get(5).map(str::to_owned)])
        .flatten()
        .collect();
    Accents::learn(names.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_communes_with_proper_case_names_and_bassins() {
        let catalog = Catalog::bundled().unwrap();
        let schaerbeek = catalog.commune("21015").unwrap();
        assert_eq!(
            (schaerbeek.fr.as_str(), schaerbeek.nl.as_str()),
            ("Schaerbeek", "Schaarbeek")
        );
        assert_eq!(schaerbeek.bassins, vec![Bassin::NordEst]);
        let bruxelles = catalog.commune("21004").unwrap();
        assert_eq!(
            bruxelles.bassins,
            vec![Bassin::Nord, Bassin::CentreOuest, Bassin::Sud]
        );
        assert_eq!(catalog.quartiers.len(), 145);
        assert_eq!(catalog.quartier(87).unwrap().fr, "Reyers");
        let names: Vec<(&str, &str)> = catalog
            .quartiers
            .iter()
            .map(|quartier| (quartier.fr.as_str(), quartier.nl.as_str()))
            .collect();
        for wanted in [
            ("Chaussée de Haecht", "Haachtse Steenweg"),
            ("Gare de Schaerbeek", "Schaarbeek Station"),
            ("Cimetière d'Ixelles", "Kerkhof Elsene"),
            ("Châtelain", "Kastelein"),
        ] {
            assert!(
                names.contains(&wanted),
                "{wanted:?} not among the quartiers"
            );
        }
    }

    #[test]
    fn applies_the_bruxelles_sub_municipality_rules() {
        let catalog = Catalog::bundled().unwrap();
        let louise = catalog.rule("21004", "21004C").unwrap();
        assert_eq!(
            (louise.bassin, louise.status),
            (Bassin::Sud, TagStatus::Inferred)
        );
        let laeken = catalog.rule("21004", "21004E").unwrap();
        assert_eq!(
            (laeken.bassin, laeken.status),
            (Bassin::Nord, TagStatus::Official)
        );
        let uccle = catalog.rule("21016", "21016A").unwrap();
        assert_eq!(
            (uccle.bassin, uccle.status),
            (Bassin::Sud, TagStatus::Official)
        );
        assert_eq!(
            catalog.rule_status("21004", Bassin::CentreOuest),
            TagStatus::Inferred
        );
        let statuses: Vec<TagStatus> = catalog.bassins.iter().map(|info| info.status).collect();
        use TagStatus::{Inferred, Official};
        assert_eq!(
            statuses,
            vec![Official, Official, Inferred, Inferred, Official]
        );
    }
}
