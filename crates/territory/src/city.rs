//! What a city field says: a commune, a postal district or locality, or nothing known.

use crate::catalog::Catalog;
use crate::postcodes::PostcodeTable;
use orienta_text::fold;
use std::collections::HashMap;

/// The reading of a city name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CityMatch {
    /// The FR or NL name of a commune (NIS code).
    Commune(String),
    /// A bpost district (`BRUXELLES--7`), a sub-municipality (`Laeken`), a postal label
    /// or the Region's name: normalised via the postcode. Holds the commune it implies.
    Locality(Option<String>),
    /// Not a known place name.
    Unknown,
}

/// Folded city names and what they mean.
#[derive(Debug, Clone)]
pub struct CityNames {
    communes: HashMap<String, String>,
    localities: HashMap<String, Option<String>>,
}

/// Localities of Bruxelles-Ville and names of the Region, folded.
const BRUXELLES_LOCALITIES: &[&str] = &[
    "laeken",
    "laken",
    "neder over heembeek",
    "neder over hembeek",
    "haren",
];
/// Short names people write for a commune, folded (not in the postal labels).
const COMMUNE_ALIASES: &[(&str, &str)] = &[
    ("boitsfort", "21017"),
    ("bosvoorde", "21017"),
    ("watermaal", "21017"),
    ("wsl", "21018"),
    ("wsp", "21019"),
    ("bruxelles ville", "21004"),
    ("bxl", "21004"),
    ("brux", "21004"),
    ("bxl ville", "21004"),
    ("ville de bruxelles", "21004"),
    ("brussel stad", "21004"),
    ("stad brussel", "21004"),
];
const REGION_NAMES: &[&str] = &[
    "brussels",
    "bruxelles capitale",
    "brussel hoofdstad",
    "region de bruxelles capitale",
    "brussels hoofdstedelijk gewest",
    "brussels capital region",
];

impl CityNames {
    /// Builds the name tables from the communes and postal labels.
    pub fn new(catalog: &Catalog, postcodes: &PostcodeTable) -> Self {
        let mut communes = HashMap::new();
        for commune in &catalog.communes {
            communes.insert(fold(&commune.fr), commune.nis.clone());
            communes.insert(fold(&commune.nl), commune.nis.clone());
        }
        let mut localities: HashMap<String, Option<String>> = HashMap::new();
        for row in postcodes.rows() {
            for label in [&row.label_fr, &row.label_nl] {
                let key = fold(label);
                if !communes.contains_key(&key) && !label.contains('+') {
                    localities
                        .entry(key)
                        .or_insert_with(|| Some(row.nis.clone()));
                }
            }
        }
        for name in BRUXELLES_LOCALITIES {
            localities.insert((*name).to_owned(), Some("21004".to_owned()));
        }
        for (name, nis) in COMMUNE_ALIASES {
            localities.insert((*name).to_owned(), Some((*nis).to_owned()));
        }
        for name in REGION_NAMES {
            localities.insert((*name).to_owned(), None);
        }
        Self {
            communes,
            localities,
        }
    }

    /// Reads a city name.
    pub fn resolve(&self, city: &str) -> CityMatch {
        let key = fold(city);
        if key.is_empty() {
            return CityMatch::Unknown;
        }
        if let Some(nis) = self.communes.get(&key) {
            return CityMatch::Commune(nis.clone());
        }
        if let Some(commune) = self.localities.get(&key) {
            return CityMatch::Locality(commune.clone());
        }
        if is_bpost_district(&key) {
            return CityMatch::Locality(None);
        }
        // A unique short form: `Molenbeek`, `Saint-Josse`, `St-Gilles`.
        let short = key.replace("st ", "saint ").replace("ste ", "sainte ");
        let mut candidates = self
            .communes
            .iter()
            .filter(|(name, _)| starts_with_words(name, &short) || starts_with_words(name, &key));
        let first = candidates.next().map(|(_, nis)| nis.clone());
        let unique = first.filter(|nis| candidates.all(|(_, other)| other == nis));
        match unique {
            Some(nis) if key.len() >= 5 => CityMatch::Commune(nis),
            _ => CityMatch::Unknown,
        }
    }
}

impl CityNames {
    /// Whether a folded name is one of the Region's names (`region de bruxelles capitale`).
    pub fn is_region_name(&self, key: &str) -> bool {
        REGION_NAMES.contains(&key)
    }

    /// Every folded name [`CityNames::resolve`] reads as a commune or the Region, with what
    /// it names (`None`: the Region): full names, localities, aliases and the unique short
    /// forms (`molenbeek`, `saint josse`, `st josse`), for a reader that looks names up in
    /// running text instead of resolving every phrase.
    pub fn names(&self) -> Vec<(String, Option<String>)> {
        let mut names: Vec<(String, Option<String>)> = self
            .communes
            .iter()
            .map(|(key, nis)| (key.clone(), Some(nis.clone())))
            .collect();
        names.extend(
            self.localities
                .iter()
                .filter(|(key, nis)| nis.is_some() || REGION_NAMES.contains(&key.as_str()))
                .map(|(key, nis)| (key.clone(), nis.clone())),
        );
        for key in self.communes.keys() {
            let words: Vec<&str> = key.split(' ').collect();
            for count in 1..=words.len() {
                let prefix = words[..count].join(" ");
                for form in [prefix.clone(), abbreviated(&prefix)] {
                    if let CityMatch::Commune(nis) = self.resolve(&form) {
                        names.push((form, Some(nis)));
                    }
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// `saint josse` → `st josse`, `sainte agathe` → `ste agathe`.
fn abbreviated(name: &str) -> String {
    name.split(' ')
        .map(|word| match word {
            "saint" => "st",
            "sainte" => "ste",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `bruxelles 7`, `brussel 18`, `bruxelles 1`: the old bpost districts.
fn is_bpost_district(key: &str) -> bool {
    let Some(rest) = key
        .strip_prefix("bruxelles ")
        .or_else(|| key.strip_prefix("brussel "))
    else {
        return false;
    };
    !rest.is_empty() && rest.bytes().all(|byte| byte.is_ascii_digit())
}

/// Whether `name` starts with the whole words of `prefix`.
fn starts_with_words(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> CityNames {
        CityNames::new(
            &Catalog::bundled().unwrap(),
            &PostcodeTable::bundled().unwrap(),
        )
    }

    #[test]
    fn reads_communes_in_both_languages() {
        let names = names();
        assert_eq!(names.resolve("IXELLES"), CityMatch::Commune("21009".into()));
        assert_eq!(names.resolve("Elsene"), CityMatch::Commune("21009".into()));
        assert_eq!(
            names.resolve("Bruxelles"),
            CityMatch::Commune("21004".into())
        );
        assert_eq!(
            names.resolve("Molenbeek"),
            CityMatch::Commune("21012".into())
        );
        assert_eq!(
            names.resolve("St-Josse"),
            CityMatch::Commune("21014".into())
        );
        assert_eq!(names.resolve("Woluwe"), CityMatch::Unknown);
        assert_eq!(names.resolve("Paris"), CityMatch::Unknown);
    }

    #[test]
    fn reads_districts_and_localities() {
        let names = names();
        assert_eq!(names.resolve("BRUXELLES--7"), CityMatch::Locality(None));
        assert_eq!(names.resolve("BRUSSEL-18"), CityMatch::Locality(None));
        assert_eq!(
            names.resolve("Laeken"),
            CityMatch::Locality(Some("21004".into()))
        );
        assert_eq!(
            names.resolve("Bruxelles (Centre)"),
            CityMatch::Locality(Some("21004".into()))
        );
        assert_eq!(names.resolve("Brussels"), CityMatch::Locality(None));
    }
}
