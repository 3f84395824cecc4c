//! Finding places: what was typed, cut (`parse`), its commune words set apart, its street
//! words searched by prefix with typos (`names`), the candidates in the typed postcode or
//! commune first; and a place from its id.

use super::parse::{self, Typed};
use super::written::spellings;
use super::{lines, words, Geocoder, Place, PlaceKind, PlacePrecision, StreetEntry};
use crate::city::CityMatch;
use orienta_text::street::street_key;

/// Most street keys read per lookup.
const MAX_KEYS: usize = 40;

/// A street candidate and how well it was matched (lower is better).
struct Candidate {
    street: usize,
    rank: (u8, bool, bool),
}

/// How the words of a typed place were read: the street key, the commune named after it,
/// and the streets found.
struct Reading {
    key: String,
    commune: Option<String>,
    candidates: Vec<Candidate>,
}

impl Geocoder {
    /// Places matching a typed text, best first, at most `limit`. The text is read as an
    /// address copied from a letter or a file (`super::letter`: the recipient, notes and
    /// contacts left out; the commune's part after the street's); the commune or locality
    /// it names as a whole comes first (`molenbeek`, `1030 Schaerbeek`, `Laeken`), then its
    /// streets and areas; words that match nothing (`Olga Dupont`, a stray word after the
    /// address) are left out when the whole finds nothing or a street outside the typed
    /// postcode.
    pub fn lookup(&self, text: &str, limit: usize) -> Vec<Place> {
        let written = self.street_first(super::letter::parts(text)).join(", ");
        let text = written.as_str();
        let typed = self.with_high_number(parse::parse(text));
        let mut places: Vec<Place> = self.named_area(&typed).into_iter().collect();
        let mut found = self.lookup_typed(text, &typed, limit);
        // Nothing found, or a street outside the typed postcode: words that name nothing
        // may be in the way.
        let doubtful =
            found.is_empty() || (places.is_empty() && !super::written::fits(&typed, &found));
        if doubtful {
            let shorter = self.without_stray_words(&typed, limit);
            if found.is_empty() || super::written::street_fits(&typed, &shorter) {
                found = shorter;
            }
        }
        for place in found {
            if !places.iter().any(|known| known.id == place.id) {
                places.push(place);
            }
        }
        places.truncate(limit);
        places
    }

    /// The places of typed words (`text` as typed, for an area named with a number).
    pub(super) fn lookup_typed(&self, text: &str, typed: &Typed, limit: usize) -> Vec<Place> {
        let reading = self.read_street(typed);
        if reading.key.is_empty() {
            let postcode = typed
                .postcode
                .as_deref()
                .and_then(|code| self.postcode_place(code));
            let commune = reading.commune.as_deref();
            let area = commune.and_then(|nis| self.get(&format!("commune:{nis}")));
            return postcode.or(area).into_iter().collect();
        }
        let numbered = typed.number.is_some() || typed.postcode.is_some();
        let areas = if numbered {
            // A name with a number in it (`Altitude 100`) is only taken whole.
            let whole = self.areas_named(&street_key(text));
            whole.into_iter().filter(|(exact, _)| *exact).collect()
        } else {
            self.areas_named(&street_key(&typed.words))
        };
        // An area named exactly (`Forest`, `Molenbeek historique`) comes before streets.
        let (exact_areas, other_areas): (Vec<_>, Vec<_>) =
            areas.into_iter().partition(|(exact, _)| *exact);
        let mut places: Vec<Place> = exact_areas.into_iter().map(|(_, place)| place).collect();
        for candidate in &reading.candidates {
            let street = &self.streets[candidate.street];
            if let Some(number) = typed.first_number() {
                places.extend(self.address_place(street, number, typed.number.as_deref()));
            }
            places.push(self.street_place(street));
            if places.len() >= limit {
                break;
            }
        }
        places.extend(other_areas.into_iter().map(|(_, place)| place));
        places.truncate(limit);
        places
    }

    /// The street key of typed words (Dutch endings spelled out when the key finds
    /// nothing otherwise: `Galileeln`, `Groeninghestr`).
    fn key_of(&self, words: &str) -> String {
        let key = street_key(words);
        if self.street_names.has_prefix(&key) {
            return key;
        }
        orienta_text::street::street_key_undotted(words)
    }

    /// The typed words read as a street, with a trailing commune name set apart unless
    /// the whole is a street of the typed area (`Chaussée de Jette 30, 1081`).
    fn read_street(&self, typed: &Typed) -> Reading {
        let full_key = self.key_of(&typed.words);
        let (words, commune) = self.commune_words(&typed.words);
        // `Chaussée de Jette` is a street, not `Chaussée de` in Jette.
        if commune.is_none() || self.street_names.has_key(&full_key) {
            let candidates = self.street_candidates(&full_key, typed, None);
            return Reading {
                key: full_key,
                commune: None,
                candidates,
            };
        }
        let key = self.key_of(&words);
        let candidates = self.street_candidates(&key, typed, commune.as_deref());
        Reading {
            key,
            commune,
            candidates,
        }
    }

    /// Communes, quartiers and bassins whose name starts like `key`, each with whether it
    /// was named exactly.
    pub(super) fn areas_named(&self, key: &str) -> Vec<(bool, Place)> {
        let found = self.area_names.search(key, 5);
        found
            .iter()
            .flat_map(|hit| {
                let exact = hit.edits == 0 && hit.whole;
                hit.entries
                    .iter()
                    .map(move |&at| (exact, self.areas[at].place.clone()))
            })
            .collect()
    }

    /// The typed words without the trailing commune or locality name, and its NIS code
    /// (`av. Louise Ixelles` → `av. Louise`, `21009`).
    pub(super) fn commune_words(&self, words: &str) -> (String, Option<String>) {
        let split: Vec<&str> = words.split_whitespace().collect();
        for taken in (1..=split.len().min(4)).rev() {
            let (street, city) = split.split_at(split.len() - taken);
            let city = city.join(" ");
            let nis = self.commune_of(&city);
            if nis.is_some() && !street.is_empty() {
                return (street.join(" "), nis);
            }
        }
        (words.to_owned(), None)
    }

    /// The commune a city name means, when it names one (`Ixelles`, `St-Gilles`,
    /// `St-Pieters-Woluwe`, `Laeken`, or a commune name with one typo in ten letters).
    fn commune_of(&self, city: &str) -> Option<String> {
        let folded = orienta_text::fold(city);
        let spellings = spellings(&folded);
        if let Some(nis) = self.commune_spelled(&spellings) {
            return Some(nis);
        }
        let close = |name: &str| {
            let name = orienta_text::fold(name);
            let allowed = name.chars().count() / 10 + 1;
            spellings
                .iter()
                .any(|spelling| strsim::damerau_levenshtein(spelling, &name) <= allowed)
        };
        let long_enough = folded.chars().count() >= 6;
        self.communes
            .iter()
            .find(|(_, fr, nl)| long_enough && (close(fr) || close(nl)))
            .map(|(nis, ..)| nis.clone())
    }

    /// The commune one of the `spellings` of a city name names exactly (a name, a locality,
    /// an alias or a unique short form; no typo).
    pub(super) fn commune_spelled(&self, spellings: &[String]) -> Option<String> {
        spellings
            .iter()
            .find_map(|spelling| match self.cities.resolve(spelling) {
                CityMatch::Commune(nis) | CityMatch::Locality(Some(nis)) => Some(nis),
                _ => None,
            })
    }

    /// The streets matching `key`, in the typed postcode or commune when any is there.
    fn street_candidates(&self, key: &str, typed: &Typed, commune: Option<&str>) -> Vec<Candidate> {
        let in_area = |street: &StreetEntry| {
            let postcode_fits = typed
                .postcode
                .as_deref()
                .is_none_or(|code| street.postcode == code);
            let commune_fits = commune.is_none_or(|nis| street.nis == nis);
            postcode_fits && commune_fits
        };
        let mut candidates: Vec<Candidate> = Vec::new();
        for hit in self.street_names.search(key, MAX_KEYS) {
            for &street in hit.entries {
                let rank = (hit.edits, !in_area(&self.streets[street]), !hit.whole);
                match candidates.iter_mut().find(|known| known.street == street) {
                    Some(known) => known.rank = known.rank.min(rank),
                    None => candidates.push(Candidate { street, rank }),
                }
            }
        }
        let area_given = typed.postcode.is_some() || commune.is_some();
        let none_in_area = !candidates.iter().any(|candidate| !candidate.rank.1);
        // Initials and dropped articles only matter in names of several words.
        let several_words = key.contains(' ');
        if several_words && (candidates.is_empty() || (area_given && none_in_area)) {
            candidates.extend(self.word_by_word(key, &in_area, area_given));
        }
        // A typed postcode or commune that some candidate has rules the others out.
        if candidates.iter().any(|candidate| !candidate.rank.1) {
            candidates.retain(|candidate| !candidate.rank.1);
        }
        candidates.sort_by_key(|candidate| (candidate.rank, candidate.street));
        candidates
    }

    /// The streets whose names align word by word with `key` (initials, `St`, dropped
    /// articles; see `words`), in the area when one was typed.
    fn word_by_word(
        &self,
        key: &str,
        in_area: &dyn Fn(&StreetEntry) -> bool,
        area_given: bool,
    ) -> Vec<Candidate> {
        let typed: Vec<&str> = key.split(' ').collect();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (at, street) in self.streets.iter().enumerate() {
            if area_given && !in_area(street) {
                continue;
            }
            let skipped = [street_key(&street.fr), street_key(&street.nl)]
                .iter()
                .filter_map(|name| {
                    let words: Vec<&str> = name.split(' ').collect();
                    words::skipped(&typed, &words)
                })
                .min();
            if let Some(skipped) = skipped {
                found.push((skipped, at));
            }
        }
        found.sort();
        let rank = |skipped: usize| (3 + skipped.min(9) as u8, !area_given, false);
        found
            .into_iter()
            .take(MAX_KEYS)
            .map(|(skipped, street)| Candidate {
                street,
                rank: rank(skipped),
            })
            .collect()
    }

    /// The place of a street.
    fn street_place(&self, street: &StreetEntry) -> Place {
        let (commune_fr, commune_nl) = self.commune_names(&street.nis).unwrap_or(("", ""));
        let (point, precision) = match street.point {
            Some(point) => (Some(point), PlacePrecision::Street),
            None => (
                self.postcode_point(&street.postcode),
                PlacePrecision::Postcode,
            ),
        };
        Place {
            id: format!("street:{}:{}", street.postcode, street.id),
            kind: PlaceKind::Street,
            label_fr: format!("{}, {} {commune_fr}", street.fr, street.postcode),
            label_nl: format!("{}, {} {commune_nl}", street.nl, street.postcode),
            point,
            precision,
            street: Some((street.fr.clone(), street.nl.clone())),
            postcode: Some(street.postcode.clone()),
            commune: Some(street.nis.clone()),
            quartier: None,
            bassin: None,
        }
    }

    /// The place of a house number on a street whose line is known.
    fn address_place(
        &self,
        street: &StreetEntry,
        number: u32,
        typed: Option<&str>,
    ) -> Option<Place> {
        let parts: Vec<&lines::Line> = street.lines.iter().collect();
        let point = lines::house_point(&parts, number)?;
        let written: String = typed
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '/')
            .take(12)
            .collect();
        let (commune_fr, commune_nl) = self.commune_names(&street.nis).unwrap_or(("", ""));
        Some(Place {
            id: format!("address:{}:{}:{written}", street.postcode, street.id),
            kind: PlaceKind::Address,
            label_fr: format!("{} {written}, {} {commune_fr}", street.fr, street.postcode),
            label_nl: format!("{} {written}, {} {commune_nl}", street.nl, street.postcode),
            point: Some(point),
            precision: PlacePrecision::AddressApprox,
            street: Some((street.fr.clone(), street.nl.clone())),
            postcode: Some(street.postcode.clone()),
            commune: Some(street.nis.clone()),
            quartier: None,
            bassin: None,
        })
    }

    /// The centroid of a postcode.
    fn postcode_point(&self, postcode: &str) -> Option<(f64, f64)> {
        let found = self.postcodes.iter().find(|row| row.0 == postcode)?;
        found.3
    }

    /// The place of a postcode.
    pub(super) fn postcode_place(&self, postcode: &str) -> Option<Place> {
        let (code, fr, nl, point) = self.postcodes.iter().find(|row| row.0 == postcode)?;
        Some(Place {
            id: format!("postcode:{code}"),
            kind: PlaceKind::Postcode,
            label_fr: format!("{code} {fr}"),
            label_nl: format!("{code} {nl}"),
            point: *point,
            precision: PlacePrecision::Postcode,
            street: None,
            postcode: Some(code.clone()),
            commune: None,
            quartier: None,
            bassin: None,
        })
    }

    /// A place from its id; `None` when the id names nothing.
    pub fn get(&self, id: &str) -> Option<Place> {
        let mut fields = id.split(':');
        let kind = fields.next()?;
        let first = fields.next()?;
        match kind {
            "postcode" => self.postcode_place(first),
            "street" | "address" => {
                let street_id: u64 = fields.next()?.parse().ok()?;
                let street = self
                    .streets
                    .iter()
                    .find(|street| street.postcode == first && street.id == street_id)?;
                if kind == "street" {
                    return Some(self.street_place(street));
                }
                let written = fields.next()?;
                let typed = parse::parse(written);
                self.address_place(street, typed.first_number()?, Some(written))
            }
            _ => self
                .areas
                .iter()
                .find(|area| area.place.id == id)
                .map(|area| area.place.clone()),
        }
    }
}
