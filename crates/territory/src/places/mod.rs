//! Places a person types — a street with or without number, a postcode, a commune, a
//! Monitoring quartier or a bassin, in French or Dutch, abbreviated, with typos — found
//! locally (no outside service): the BeST street list for names and postcodes, the OSM
//! midpoints and street lines for points. Every answer says how precise its point is; an
//! ambiguous text gives several candidates, never one silent guess.

mod letter;
mod lines;
mod lookup;
mod mention;
mod names;
pub mod parse;
mod words;
mod written;

use crate::city::CityNames;
use crate::streets::StreetMatch;
use crate::{bundled, Tagger};
use lines::{Line, StreetLines};
use names::NameIndex;
use orienta_model::Bassin;
use orienta_text::street::street_key;
use serde::{Deserialize, Serialize};

pub use lines::STREETS_OSM_GEOJSON;
pub use mention::StreetMention;

/// What a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// A street in one postcode.
    Street,
    /// A house number on a street.
    Address,
    /// A postcode.
    Postcode,
    /// One of the 19 communes.
    Commune,
    /// A Monitoring des Quartiers quartier.
    Quartier,
    /// A bassin d'aide et de soins.
    Bassin,
}

/// How precise a place's point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlacePrecision {
    /// A house number placed along its street (see `lines`): tens of metres off.
    AddressApprox,
    /// A point of the street, near its middle within the postcode.
    Street,
    /// The middle of the postcode's streets.
    Postcode,
    /// An area without a point (it filters instead).
    Area,
}

/// One place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Stable id (`street:1030:4271`, `address:1030:4271:120`, `postcode:1030`,
    /// `commune:21015`, `quartier:47`, `bassin:nord-est`).
    pub id: String,
    /// What it is.
    pub kind: PlaceKind,
    /// French label.
    pub label_fr: String,
    /// Dutch label.
    pub label_nl: String,
    /// `(lat, lon)` for streets, addresses and postcodes.
    pub point: Option<(f64, f64)>,
    /// How precise the point is.
    pub precision: PlacePrecision,
    /// The street's French and Dutch names, for a street or an address.
    pub street: Option<(String, String)>,
    /// Postcode of a street, address or postcode.
    pub postcode: Option<String>,
    /// NIS code of the commune, when one.
    pub commune: Option<String>,
    /// Monitoring quartier code, for a quartier.
    pub quartier: Option<u32>,
    /// Bassin, for a bassin.
    pub bassin: Option<Bassin>,
}

/// A BeST street of one postcode, with its point and lines.
struct StreetEntry {
    id: u64,
    postcode: String,
    nis: String,
    fr: String,
    nl: String,
    point: Option<(f64, f64)>,
    lines: Vec<Line>,
}

/// A postcode: code, French and Dutch labels, the centre of its streets.
type PostcodeEntry = (String, String, String, Option<(f64, f64)>);

/// A commune, quartier or bassin.
struct AreaEntry {
    place: Place,
}

#[derive(Deserialize)]
struct StreetRow {
    postcode: String,
    nis_commune: String,
    street_fr: String,
    street_nl: String,
    streetname_id: u64,
}

/// The local geocoder.
pub struct Geocoder {
    streets: Vec<StreetEntry>,
    street_names: NameIndex,
    areas: Vec<AreaEntry>,
    area_names: NameIndex,
    /// The postcodes with their labels and centres.
    postcodes: Vec<PostcodeEntry>,
    /// Commune NIS → (FR, NL).
    communes: Vec<(String, String, String)>,
    /// City names (communes, localities) for the commune words of a typed address.
    cities: CityNames,
}

impl Geocoder {
    /// Builds the geocoder over the tagger's layers and the bundled street lines.
    pub fn new(tagger: &Tagger) -> Self {
        let lines = StreetLines::bundled();
        let mut reader = csv::Reader::from_reader(bundled::STREETS.as_bytes());
        let rows: Vec<StreetRow> = reader.deserialize().filter_map(Result::ok).collect();
        let streets: Vec<StreetEntry> = rows
            .iter()
            .map(|row| street_entry(tagger, &lines, row))
            .collect();
        let street_names = NameIndex::build(streets.iter().enumerate().flat_map(|(at, street)| {
            street_keys(&street.fr, &street.nl)
                .into_iter()
                .map(move |key| (key, at))
        }));
        let communes: Vec<(String, String, String)> = tagger
            .communes()
            .iter()
            .map(|commune| (commune.nis.clone(), commune.fr.clone(), commune.nl.clone()))
            .collect();
        let areas = area_entries(tagger);
        let area_names = NameIndex::build(areas.iter().enumerate().flat_map(|(at, area)| {
            let place = &area.place;
            [street_key(&place.label_fr), street_key(&place.label_nl)]
                .into_iter()
                .map(move |key| (key, at))
        }));
        let mut postcodes: Vec<PostcodeEntry> = Vec::new();
        for row in tagger.postcodes.rows() {
            if postcodes.iter().any(|known| known.0 == row.postcode) {
                continue;
            }
            let centroid = tagger.postcode_centroid(&row.postcode);
            let labels = (row.label_fr.clone(), row.label_nl.clone());
            postcodes.push((row.postcode.clone(), labels.0, labels.1, centroid));
        }
        Self {
            streets,
            street_names,
            areas,
            area_names,
            postcodes,
            communes,
            cities: tagger.cities.clone(),
        }
    }

    /// The commune names `(FR, NL)` of a NIS code.
    fn commune_names(&self, nis: &str) -> Option<(&str, &str)> {
        let found = self.communes.iter().find(|(code, ..)| code == nis)?;
        Some((found.1.as_str(), found.2.as_str()))
    }
}

/// The keys a street is found by: each name folded with its abbreviations expanded, and
/// the French name without its street word and articles (`rue de la loi` → `loi`).
fn street_keys(fr: &str, nl: &str) -> Vec<String> {
    let mut keys = vec![street_key(fr), street_key(nl)];
    let french = street_key(fr);
    let mut words = french.split(' ').peekable();
    if words.next().is_some() {
        while words
            .peek()
            .is_some_and(|word| ["de", "du", "des", "la", "le", "l", "d"].contains(word))
        {
            words.next();
        }
        let core: Vec<&str> = words.collect();
        if core.join(" ").chars().count() >= 4 {
            keys.push(core.join(" "));
        }
    }
    keys.retain(|key| !key.is_empty());
    keys.dedup();
    keys
}

/// A BeST street with the midpoint of its postcode and the lines near it.
fn street_entry(tagger: &Tagger, lines: &StreetLines, row: &StreetRow) -> StreetEntry {
    let names = [row.street_fr.as_str(), row.street_nl.as_str()];
    let midpoint = match tagger
        .streets
        .find(Some(&row.postcode), Some(&row.nis_commune), &names)
    {
        StreetMatch::Point(point) => Some((point.lat, point.lon)),
        _ => None,
    };
    let keys = vec![street_key(&row.street_fr), street_key(&row.street_nl)];
    let parts: Vec<Line> = match (midpoint, tagger.postcode_centroid(&row.postcode)) {
        (Some(midpoint), _) => lines.parts_near(&keys, midpoint),
        (None, Some(centre)) => {
            lines.parts_within(&keys, centre, lines::SAME_STREET_FROM_POSTCODE_M)
        }
        (None, None) => Vec::new(),
    }
    .into_iter()
    .cloned()
    .collect();
    let point = match midpoint {
        Some(midpoint) => {
            let borrowed: Vec<&Line> = parts.iter().collect();
            lines::snap(&borrowed, midpoint).or(Some(midpoint))
        }
        None => parts
            .first()
            .and_then(|part| part.get(part.len() / 2).copied()),
    };
    StreetEntry {
        id: row.streetname_id,
        postcode: row.postcode.clone(),
        nis: row.nis_commune.clone(),
        fr: row.street_fr.clone(),
        nl: row.street_nl.clone(),
        point,
        lines: parts,
    }
}

/// The communes, quartiers and bassins as places.
fn area_entries(tagger: &Tagger) -> Vec<AreaEntry> {
    let area = |id: String, kind, fr: &str, nl: &str| Place {
        id,
        kind,
        label_fr: fr.to_owned(),
        label_nl: nl.to_owned(),
        point: None,
        precision: PlacePrecision::Area,
        street: None,
        postcode: None,
        commune: None,
        quartier: None,
        bassin: None,
    };
    let mut areas = Vec::new();
    for commune in tagger.communes() {
        let mut place = area(
            format!("commune:{}", commune.nis),
            PlaceKind::Commune,
            &commune.fr,
            &commune.nl,
        );
        place.commune = Some(commune.nis.clone());
        areas.push(AreaEntry { place });
    }
    for quartier in tagger.quartiers() {
        let mut place = area(
            format!("quartier:{}", quartier.code),
            PlaceKind::Quartier,
            &quartier.fr,
            &quartier.nl,
        );
        place.quartier = Some(quartier.code);
        areas.push(AreaEntry { place });
    }
    for bassin in Bassin::ALL {
        let info = tagger.bassin_info(bassin);
        let mut place = area(
            format!("bassin:{}", info.slug),
            PlaceKind::Bassin,
            &format!("Bassin {}", info.fr),
            &format!("Zorgbekken {}", info.nl),
        );
        place.bassin = Some(bassin);
        areas.push(AreaEntry { place });
    }
    areas
}
