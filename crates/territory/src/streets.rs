//! Street geocoding from the OSM street midpoints and the BeST street list.

use crate::bundled;
use crate::TerritoryError;
use orienta_model::Bassin;
use orienta_text::bilingual;
use orienta_text::street::street_key;
use std::collections::HashMap;

/// The midpoint of a street inside one commune, and how its length is shared.
#[derive(Debug, Clone, PartialEq)]
pub struct StreetPoint {
    /// 4-digit postcode.
    pub postcode: String,
    /// NIS code of the commune.
    pub nis: String,
    /// Latitude of the midpoint.
    pub lat: f64,
    /// Longitude of the midpoint.
    pub lon: f64,
    /// Length inside the commune, metres.
    pub length_m: f64,
    /// The Monitoring quartier holding most of the street, with its share.
    pub top_quartier: Option<(u32, f64)>,
    /// Share of the street's length per bassin, largest first.
    pub bassin_shares: Vec<(Bassin, f64)>,
    /// The midpoint was taken just outside the commune (`boundary-buffer-low`).
    pub low_quality: bool,
}

/// What a street lookup found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StreetMatch<'a> {
    /// A midpoint.
    Point(&'a StreetPoint),
    /// A BeST street without a midpoint: only its commune is known.
    Commune(&'a str),
    /// Nothing.
    None,
}

/// Street midpoints and BeST streets keyed by postcode (or commune) and folded name.
#[derive(Debug, Clone, Default)]
pub struct StreetIndex {
    points: Vec<StreetPoint>,
    points_by_postcode: Keyed<usize>,
    points_by_commune: Keyed<usize>,
    communes_by_postcode: Keyed<String>,
    communes_by_commune: Keyed<String>,
    areas: HashMap<(String, String), AreaSummary>,
}

/// Area (postcode or NIS code) → folded street name → values.
type Keyed<V> = HashMap<String, HashMap<String, Vec<V>>>;

/// What the midpoints of one (postcode, commune) say about the area.
#[derive(Debug, Clone, Default)]
struct AreaSummary {
    lat_sum: f64,
    lon_sum: f64,
    count: u32,
    bassin_lengths: Vec<(Bassin, f64)>,
}

#[derive(serde::Deserialize)]
struct MidpointRow {
    postcode: String,
    nis_commune: String,
    street_fr: String,
    street_nl: String,
    lon: f64,
    lat: f64,
    length_in_commune_m: f64,
    mdrc_shares: String,
    bassin_shares: String,
    match_quality: String,
}

#[derive(serde::Deserialize)]
struct StreetRow {
    postcode: String,
    nis_commune: String,
    street_fr: String,
    street_nl: String,
}

impl StreetIndex {
    /// Reads the bundled midpoints and BeST streets.
    pub fn bundled() -> Result<Self, TerritoryError> {
        let mut index = Self::default();
        let mut reader = csv::Reader::from_reader(bundled::STREET_MIDPOINTS.as_bytes());
        for row in reader.deserialize::<MidpointRow>() {
            let row = row.map_err(|error| TerritoryError::layer(MIDPOINTS, error))?;
            index.add_midpoint(row);
        }
        let mut reader = csv::Reader::from_reader(bundled::STREETS.as_bytes());
        for row in reader.deserialize::<StreetRow>() {
            let row = row.map_err(|error| TerritoryError::layer("brussels_streets.csv", error))?;
            index.add_street(&row);
        }
        Ok(index)
    }

    /// Indexes one street midpoint by its names, adds it to its area (unless its match is
    /// poor) and keeps its shares.
    fn add_midpoint(&mut self, row: MidpointRow) {
        let position = self.points.len();
        for name in [&row.street_fr, &row.street_nl] {
            let key = street_key(name);
            if key.is_empty() {
                continue;
            }
            push_unique(
                &mut self.points_by_postcode,
                (row.postcode.clone(), key.clone()),
                position,
            );
            push_unique(
                &mut self.points_by_commune,
                (row.nis_commune.clone(), key),
                position,
            );
        }
        let mut bassin_shares: Vec<(Bassin, f64)> = shares(&row.bassin_shares)
            .filter_map(|(name, share)| Some((Bassin::parse(name)?, share)))
            .collect();
        bassin_shares.sort_by(|left, right| right.1.total_cmp(&left.1));
        let top_quartier = shares(&row.mdrc_shares)
            .filter_map(|(code, share)| Some((code.parse::<u32>().ok()?, share)))
            .max_by(|left, right| left.1.total_cmp(&right.1));
        if row.match_quality != "boundary-buffer-low" {
            self.add_to_area(&row, &bassin_shares);
        }
        self.points.push(StreetPoint {
            postcode: row.postcode,
            nis: row.nis_commune,
            lat: row.lat,
            lon: row.lon,
            length_m: row.length_in_commune_m,
            top_quartier,
            bassin_shares,
            low_quality: row.match_quality == "boundary-buffer-low",
        });
    }

    /// Adds a midpoint to its (postcode, commune) area: position sums and street length
    /// per bassin.
    fn add_to_area(&mut self, row: &MidpointRow, bassin_shares: &[(Bassin, f64)]) {
        let area = self
            .areas
            .entry((row.postcode.clone(), row.nis_commune.clone()))
            .or_default();
        area.lat_sum += row.lat;
        area.lon_sum += row.lon;
        area.count += 1;
        for (bassin, share) in bassin_shares {
            let length = share * row.length_in_commune_m;
            match area
                .bassin_lengths
                .iter_mut()
                .find(|(known, _)| known == bassin)
            {
                Some((_, total)) => *total += length,
                None => area.bassin_lengths.push((*bassin, length)),
            }
        }
    }

    /// Indexes the commune of a BeST street by its names.
    fn add_street(&mut self, row: &StreetRow) {
        for name in [&row.street_fr, &row.street_nl] {
            let key = street_key(name);
            if key.is_empty() {
                continue;
            }
            let nis = row.nis_commune.clone();
            push_unique(
                &mut self.communes_by_postcode,
                (row.postcode.clone(), key.clone()),
                nis.clone(),
            );
            push_unique(
                &mut self.communes_by_commune,
                (row.nis_commune.clone(), key),
                nis,
            );
        }
    }

    /// The mean of the midpoints of a postcode, in one commune or in all.
    pub fn centroid(&self, postcode: &str, nis: Option<&str>) -> Option<(f64, f64)> {
        let (lat_sum, lon_sum, count) = self
            .areas
            .iter()
            .filter(|((code, commune), _)| code == postcode && nis.is_none_or(|nis| nis == commune))
            .fold((0.0, 0.0, 0u32), |(lat, lon, count), (_, area)| {
                (lat + area.lat_sum, lon + area.lon_sum, count + area.count)
            });
        (count > 0).then(|| (lat_sum / f64::from(count), lon_sum / f64::from(count)))
    }

    /// The bassin holding most of the street length of a (postcode, commune).
    pub fn main_bassin(&self, postcode: &str, nis: &str) -> Option<Bassin> {
        self.areas
            .get(&(postcode.to_owned(), nis.to_owned()))?
            .bassin_lengths
            .iter()
            .max_by(|left, right| left.1.total_cmp(&right.1))
            .map(|(bassin, _)| *bassin)
    }

    /// Finds a street by postcode (or, without one, by commune) and FR or NL name; a
    /// value like `Rue Haute - Hoogstraat` is tried part by part. `commune_hint` picks
    /// among several rows.
    pub fn find<'a>(
        &'a self,
        postcode: Option<&str>,
        commune_hint: Option<&str>,
        names: &[&str],
    ) -> StreetMatch<'a> {
        let mut keys: Vec<String> = names
            .iter()
            .flat_map(|name| {
                let mut candidates = vec![street_key(name)];
                candidates.extend(bilingual::parts(name).into_iter().map(street_key));
                candidates
            })
            .filter(|key| !key.is_empty())
            .collect();
        // Then the same without a trailing house number (`Rue Haute 322`).
        let unnumbered: Vec<String> = keys
            .iter()
            .filter_map(|key| without_house_number(key))
            .collect();
        keys.extend(unnumbered);
        let (points, communes, area) = match (postcode, commune_hint) {
            (Some(postcode), _) => (
                &self.points_by_postcode,
                &self.communes_by_postcode,
                postcode,
            ),
            (None, Some(nis)) => (&self.points_by_commune, &self.communes_by_commune, nis),
            (None, None) => return StreetMatch::None,
        };
        for key in &keys {
            let Some(found) = points.get(area).and_then(|streets| streets.get(key)) else {
                continue;
            };
            let best =
                found
                    .iter()
                    .map(|&position| &self.points[position])
                    .max_by(|left, right| {
                        let left_hint = Some(left.nis.as_str()) == commune_hint;
                        let right_hint = Some(right.nis.as_str()) == commune_hint;
                        (left_hint, left.length_m)
                            .partial_cmp(&(right_hint, right.length_m))
                            .unwrap_or(std::cmp::Ordering::Equal)
                    });
            if let Some(point) = best {
                return StreetMatch::Point(point);
            }
        }
        for key in &keys {
            let Some(found) = communes.get(area).and_then(|streets| streets.get(key)) else {
                continue;
            };
            let hinted = found.iter().find(|nis| Some(nis.as_str()) == commune_hint);
            if let Some(nis) = hinted.or_else(|| found.first()) {
                return StreetMatch::Commune(nis);
            }
        }
        StreetMatch::None
    }
}

const MIDPOINTS: &str = "street_midpoints_osm.csv";

/// A folded key without its trailing house number and box (`rue haute 12 bte 3` →
/// `rue haute`): from the first word with digits followed only by short words or numbers.
fn without_house_number(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let has_digit = |word: &&str| word.bytes().any(|byte| byte.is_ascii_digit());
    let start = (1..words.len()).find(|&index| {
        has_digit(&words[index])
            && words[index + 1..]
                .iter()
                .all(|word| word.len() <= 3 || has_digit(word))
    })?;
    Some(words[..start].join(" "))
}

/// Parses `a:0.69;b:0.31`.
fn shares(text: &str) -> impl Iterator<Item = (&str, f64)> {
    text.split(';').filter_map(|part| {
        let (name, share) = part.split_once(':')?;
        Some((name.trim(), share.trim().parse::<f64>().ok()?))
    })
}

fn push_unique<V: PartialEq>(map: &mut Keyed<V>, (area, street): (String, String), value: V) {
    let values = map.entry(area).or_default().entry(street).or_default();
    if !values.contains(&value) {
        values.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_streets_by_either_name_and_abbreviation() {
        let index = StreetIndex::bundled().unwrap();
        assert!(index.points.len() > 3900);
        for name in [
            "Avenue Louise",
            "Av. Louise",
            "Louizalaan",
            "AVENUE LOUISE - LOUIZALAAN",
        ] {
            let StreetMatch::Point(point) = index.find(Some("1050"), None, &[name]) else {
                panic!("{name} not found");
            };
            assert_eq!(point.postcode, "1050");
        }
        assert_eq!(
            index.find(Some("1050"), None, &["Rue de l'Exemple"]),
            StreetMatch::None
        );
        assert_eq!(
            index.find(None, None, &["Avenue Louise"]),
            StreetMatch::None
        );
    }

    #[test]
    fn summarises_postcode_areas() {
        let index = StreetIndex::bundled().unwrap();
        let (lat, lon) = index.centroid("1180", Some("21016")).unwrap();
        assert!(
            (50.77..50.82).contains(&lat) && (4.32..4.39).contains(&lon),
            "{lat} {lon}"
        );
        assert_eq!(
            index.centroid("1180", None),
            index.centroid("1180", Some("21016"))
        );
        assert!(index.centroid("9999", None).is_none());
        assert_eq!(
            index.main_bassin("1000", "21004"),
            Some(Bassin::CentreOuest)
        );
        assert_eq!(index.main_bassin("1050", "21009"), Some(Bassin::Sud));
    }

    #[test]
    fn strips_trailing_house_numbers() {
        assert_eq!(
            without_house_number("rue haute 322").as_deref(),
            Some("rue haute")
        );
        assert_eq!(
            without_house_number("rue haute 322 b").as_deref(),
            Some("rue haute")
        );
        assert_eq!(
            without_house_number("rue haute 12 bte 3").as_deref(),
            Some("rue haute")
        );
        assert_eq!(without_house_number("rue haute"), None);
        assert_eq!(without_house_number("322"), None);
        assert_eq!(without_house_number("rue du 21 juillet"), None);
    }

    #[test]
    fn parses_shares() {
        let parsed: Vec<_> = shares("21:0.69;18:0.31").collect();
        assert_eq!(parsed, vec![("21", 0.69), ("18", 0.31)]);
    }
}
