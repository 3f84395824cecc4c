//! What the postal address of a location says: postcode, country, city, and their checks.

use crate::city::CityMatch;
use crate::postcodes::Postcode;
use crate::{LocationInput, Tagger};
use orienta_model::{QualityCode, QualityIssue, Severity, Territory};

pub(crate) const FIELD_ZIP: &str = "address.zipCode";
pub(crate) const FIELD_CITY: &str = "address.municipalityFr";
const FIELD_COUNTRY: &str = "address.country";

/// The address facts used to check and place a location.
#[derive(Debug, Clone, Default)]
pub(crate) struct AddressFacts {
    /// The 4 digits of a Brussels postcode (1000–1299).
    pub brussels_postcode: Option<String>,
    /// A Belgian postcode outside the Region, or a foreign address.
    pub outside_region: bool,
    /// NIS codes of the Brussels postcode's communes (main first).
    pub postcode_communes: Vec<String>,
    /// The commune to geocode in: the city's when the pair is valid, else the
    /// postcode's main commune, else the city's.
    pub commune: Option<String>,
}

impl AddressFacts {
    /// Reads the postcode, country and city, reporting what is outside, foreign or
    /// inconsistent.
    pub fn read(
        tagger: &Tagger,
        input: &LocationInput<'_>,
        issues: &mut Vec<QualityIssue>,
    ) -> Self {
        let mut facts = Self::default();
        let foreign_country = input
            .country
            .map(str::trim)
            .filter(|country| !country.is_empty())
            .filter(|country| !is_belgium(country));
        if let Some(country) = foreign_country {
            facts.outside_region = true;
            issues.push(warning(
                QualityCode::ForeignAddress,
                FIELD_COUNTRY,
                format!("country `{country}` is not belgium: the address is abroad"),
            ));
        }
        let postcode = input.postcode.and_then(Postcode::parse);
        match &postcode {
            Some(Postcode::Foreign(code)) => {
                facts.outside_region = true;
                if foreign_country.is_none() {
                    issues.push(warning(
                        QualityCode::ForeignAddress,
                        FIELD_ZIP,
                        format!("postcode `{code}` is not belgian: the address is abroad"),
                    ));
                }
            }
            Some(belgian @ Postcode::Belgian(code)) if foreign_country.is_none() => {
                match belgian.brussels() {
                    Some(code) => {
                        facts.brussels_postcode = Some(code.to_owned());
                        facts.postcode_communes = tagger
                            .postcodes
                            .communes(code)
                            .map(|row| row.nis.clone())
                            .collect();
                    }
                    None => {
                        facts.outside_region = true;
                        issues.push(warning(
                            QualityCode::AddressOutsideRegion,
                            FIELD_ZIP,
                            format!("postcode {code} is outside the brussels-capital region"),
                        ));
                    }
                }
            }
            _ => {}
        }
        facts.commune = facts.postcode_communes.first().cloned();
        let city = input.city.map(str::trim).filter(|city| !city.is_empty());
        if let Some(city) = city {
            facts.read_city(tagger, city, issues);
        }
        facts
    }

    /// Checks the city against the postcode and picks the commune.
    fn read_city(&mut self, tagger: &Tagger, city: &str, issues: &mut Vec<QualityIssue>) {
        let reading = tagger.cities.resolve(city);
        let Some(postcode) = self.brussels_postcode.clone() else {
            if !self.outside_region {
                if let CityMatch::Commune(nis) | CityMatch::Locality(Some(nis)) = reading {
                    self.commune = Some(nis);
                }
            }
            return;
        };
        if self.postcode_communes.is_empty() {
            return;
        }
        let main_commune = self.main_commune_name(tagger);
        let from_postcode = format!(
            "city `{city}` is not a commune name: commune taken from postcode {postcode} ({main_commune})"
        );
        match reading {
            CityMatch::Commune(nis) if self.postcode_communes.contains(&nis) => {
                self.commune = Some(nis);
            }
            // `Bruxelles` is also the postal name of the whole Region.
            CityMatch::Commune(nis) if nis == "21004" && is_region_wide(city) => {
                issues.push(info(QualityCode::CityNormalised, FIELD_CITY, from_postcode));
            }
            CityMatch::Commune(nis) => {
                let name = tagger
                    .commune(&nis)
                    .map(|commune| commune.fr.clone())
                    .unwrap_or(nis);
                issues.push(warning(
                    QualityCode::PostcodeCommuneMismatch,
                    FIELD_CITY,
                    format!("postcode {postcode} does not serve {name}; kept {main_commune}"),
                ));
            }
            CityMatch::Locality(Some(nis)) if self.postcode_communes.contains(&nis) => {
                let name = tagger.commune(&nis).map(|commune| commune.fr.clone());
                let message = format!(
                    "city `{city}` is a locality of {}: commune normalised",
                    name.unwrap_or_default()
                );
                issues.push(info(QualityCode::CityNormalised, FIELD_CITY, message));
                self.commune = Some(nis);
            }
            CityMatch::Locality(_) | CityMatch::Unknown => {
                issues.push(info(QualityCode::CityNormalised, FIELD_CITY, from_postcode));
            }
        }
    }

    /// The French name of the postcode's main commune.
    fn main_commune_name(&self, tagger: &Tagger) -> String {
        self.postcode_communes
            .first()
            .and_then(|nis| tagger.commune(nis))
            .map(|commune| commune.fr.clone())
            .unwrap_or_default()
    }

    /// Checks a point inside the Region against the address.
    pub fn check_point(
        &self,
        tagger: &Tagger,
        territory: &Territory,
        issues: &mut Vec<QualityIssue>,
    ) {
        if self.outside_region {
            issues.push(warning(
                QualityCode::GeoAddressConflict,
                FIELD_ZIP,
                "the point is in the brussels-capital region but the address is not; kept the point",
            ));
            return;
        }
        let (Some(postcode), Some(commune)) = (&self.brussels_postcode, &territory.commune) else {
            return;
        };
        if self.postcode_communes.is_empty() || self.postcode_communes.contains(&commune.nis) {
            return;
        }
        issues.push(warning(
            QualityCode::PostcodeCommuneMismatch,
            FIELD_ZIP,
            format!(
                "the point lies in {} but postcode {postcode} belongs to {}; kept the point",
                commune.fr,
                self.main_commune_name(tagger)
            ),
        ));
    }
}

/// A warning issue.
pub(crate) fn warning(code: QualityCode, field: &str, message: impl Into<String>) -> QualityIssue {
    QualityIssue::new(code, Severity::Warning, field, message)
}

/// An info issue.
pub(crate) fn info(code: QualityCode, field: &str, message: impl Into<String>) -> QualityIssue {
    QualityIssue::new(code, Severity::Info, field, message)
}

/// `BE`, `BEL`, `Belgique`, `België`, `Belgium`…
fn is_belgium(country: &str) -> bool {
    let folded = orienta_text::fold(country);
    matches!(
        folded.as_str(),
        "be" | "bel" | "belgique" | "belgie" | "belgium" | "belgien" | "belgica"
    )
}

/// `Bruxelles` / `Brussel` used for the whole Region.
fn is_region_wide(city: &str) -> bool {
    matches!(orienta_text::fold(city).as_str(), "bruxelles" | "brussel")
}
