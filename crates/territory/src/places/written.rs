//! How people write a place around its street: a commune or locality alone or with its
//! postcode (`molenbeek`, `1030 Schaerbeek`, `Laeken`), a house number that looks like a
//! postcode (`Chaussée de Waterloo 1000 Uccle`), words before the street or after it that
//! name nothing (`chez Mme Dupont, rue Haute 298`).

use super::parse::Typed;
use super::{Geocoder, Place, StreetEntry};
use orienta_text::street::street_key;

impl Geocoder {
    /// The parts of a written address ([`super::letter::parts`]) with those that only name
    /// a commune, a postcode or a number last, where the street's commune is read (`1140
    /// Evere, Franz Guillaumelaan 106`).
    pub(super) fn street_first(&self, parts: Vec<String>) -> Vec<String> {
        let (communes, streets): (Vec<String>, Vec<String>) = parts.into_iter().partition(|part| {
            let words: Vec<&str> = part
                .split_whitespace()
                .filter(|word| !is_code(word))
                .collect();
            let folded = orienta_text::fold(&words.join(" "));
            folded.is_empty() || self.commune_spelled(&spellings(&folded)).is_some()
        });
        streets.into_iter().chain(communes).collect()
    }

    /// `typed` with its postcode read as the house number when the commune typed after it
    /// has no street in that postcode (`Chaussée de Waterloo 1000 Uccle`).
    pub(super) fn with_high_number(&self, mut typed: Typed) -> Typed {
        let (Some(postcode), None) = (typed.postcode.as_deref(), typed.number.as_deref()) else {
            return typed;
        };
        let (_, commune) = self.commune_words(&typed.words);
        let Some(nis) = commune else {
            return typed;
        };
        let in_postcode = |street: &StreetEntry| street.postcode == postcode && street.nis == nis;
        if !self.streets.iter().any(in_postcode) {
            typed.number = typed.postcode.take();
        }
        typed
    }

    /// The commune or locality that the typed words name as a whole, with no house number
    /// and no area of that exact name: a locality (`Laeken`, `Neder-over-Heembeek`) as its
    /// postcode, a commune (`molenbeek`, `St-Josse`, `WSP`) as the commune.
    pub(super) fn named_area(&self, typed: &Typed) -> Option<Place> {
        if typed.number.is_some() || typed.words.is_empty() {
            return None;
        }
        let folded = orienta_text::fold(&typed.words);
        // Exact names only: reading every commune name with a typo made an autocomplete
        // lookup a third slower (`cargo bench -p orienta-territory --bench places`, `rue
        // jos` 96 → 128 µs).
        let nis = self.commune_spelled(&spellings(&folded))?;
        // Without a postcode, an area of that exact name already comes first.
        let exact_area = self
            .areas_named(&street_key(&typed.words))
            .iter()
            .any(|(exact, _)| *exact);
        if exact_area && typed.postcode.is_none() {
            return None;
        }
        match self.locality_postcode(&folded) {
            Some(code) => self.postcode_place(code),
            None => self.get(&format!("commune:{nis}")),
        }
    }

    /// The postcode of a locality named in its postal label (`Bruxelles (Laeken)`), give or
    /// take one letter (`Neder-Over-Hembeek`).
    fn locality_postcode(&self, folded: &str) -> Option<&str> {
        let names = |label: &str| {
            let inner = label
                .split_once('(')
                .map(|(_, rest)| rest.trim_end_matches(')'));
            inner.is_some_and(|inner| strsim::levenshtein(&orienta_text::fold(inner), folded) <= 1)
        };
        let found = self
            .postcodes
            .iter()
            .find(|(_, fr, nl, _)| names(fr) || names(nl))?;
        Some(found.0.as_str())
    }

    /// The places of the typed words without those that match nothing: the first words
    /// (a recipient's name: `Olga Dupont, Georges Leclercqstraat 94`; up to the first
    /// street word, or four), up to two trailing words, or both; the first reading that
    /// finds a street in the typed postcode, else the first that finds a street.
    pub(super) fn without_stray_words(&self, typed: &Typed, limit: usize) -> Vec<Place> {
        // Only what reads as an address: each reading of unknown words scans the street
        // list word by word (a few ms), and words alone are what the place box's
        // autocompletion sends at each keystroke.
        if typed.number.is_none() && typed.postcode.is_none() {
            return Vec::new();
        }
        let words: Vec<&str> = typed.words.split_whitespace().collect();
        let street_start = words
            .iter()
            .skip(1)
            .position(|word| orienta_text::street::is_street_word(&orienta_text::fold(word)))
            .map_or(0, |at| at + 1);
        let last_start = street_start.max(MAX_SKIPPED.min(words.len()));
        // The street word's reading and the trailing words first, then a name's words.
        let mut readings: Vec<(usize, usize)> = vec![(street_start, 0), (0, 1), (0, 2)];
        readings.extend([(street_start, 1), (street_start, 2)]);
        readings.extend((1..=last_start).map(|start| (start, 0)));
        let mut tried: Vec<(usize, usize)> = Vec::new();
        let mut fallback = Vec::new();
        for (start, dropped) in readings {
            let end = words.len().saturating_sub(dropped);
            if (start, dropped) == (0, 0) || start >= end || tried.contains(&(start, dropped)) {
                continue;
            }
            tried.push((start, dropped));
            let reading = Typed {
                words: words[start..end].join(" "),
                ..typed.clone()
            };
            let found = self.lookup_typed(&reading.words, &reading, limit);
            if street_fits(typed, &found) {
                return found;
            }
            if fallback.is_empty() && found.iter().any(|place| place.street.is_some()) {
                fallback = found;
            }
        }
        fallback
    }
}

/// How many first words a written address may have before its street.
const MAX_SKIPPED: usize = 4;

/// Whether the first place found is in the typed postcode (any, when none was typed).
pub(super) fn fits(typed: &Typed, found: &[Place]) -> bool {
    found
        .first()
        .is_some_and(|place| typed.postcode.is_none() || place.postcode == typed.postcode)
}

/// Whether the first place found is a street in the typed postcode ([`fits`]).
pub(super) fn street_fits(typed: &Typed, found: &[Place]) -> bool {
    fits(typed, found) && found.first().is_some_and(|place| place.street.is_some())
}

/// Whether a word is a number or a postcode (`1030`, `B-1030`, `BE-1030`).
fn is_code(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    let digits = ["BE-", "B-"]
        .iter()
        .find_map(|prefix| upper.strip_prefix(prefix))
        .unwrap_or(&upper);
    !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit())
}

/// A folded city name as written and with `St` read as `Sint` and `Saint`.
pub(super) fn spellings(folded: &str) -> [String; 3] {
    [
        folded.to_owned(),
        folded.replacen("st ", "sint ", 1),
        folded.replacen("st ", "saint ", 1),
    ]
}
