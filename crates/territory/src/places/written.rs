//! How people write a place around its street: a commune or locality alone or with its
//! postcode (`molenbeek`, `1030 Schaerbeek`, `Laeken`), a house number that looks like a
//! postcode (`Chaussée de Waterloo 1000 Uccle`), words before the street or after it that
//! name nothing (`chez Mme Dupont, rue Haute 298`).

use super::parse::Typed;
use super::{Geocoder, Place, StreetEntry};
use orienta_text::street::street_key;

impl Geocoder {
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

    /// The places of the typed words without those that match nothing: up to two trailing
    /// words, or the words before the first street word (`chez Mme Dupont rue Haute 298`).
    pub(super) fn without_stray_words(&self, typed: &Typed, limit: usize) -> Vec<Place> {
        let words: Vec<&str> = typed.words.split_whitespace().collect();
        let street_start = words
            .iter()
            .skip(1)
            .position(|word| orienta_text::street::is_street_word(&orienta_text::fold(word)))
            .map(|at| at + 1);
        let trailing = (1..=2.min(words.len().saturating_sub(1)))
            .map(|dropped| words[..words.len() - dropped].join(" "));
        let readings = street_start
            .map(|start| words[start..].join(" "))
            .into_iter()
            .chain(trailing);
        for shorter in readings {
            let reading = Typed {
                words: shorter,
                ..typed.clone()
            };
            let found = self.lookup_typed(&reading.words, &reading, limit);
            let is_street = |place: &Place| place.street.is_some();
            if found.iter().any(is_street) {
                return found;
            }
        }
        Vec::new()
    }
}

/// A folded city name as written and with `St` read as `Sint` and `Saint`.
pub(super) fn spellings(folded: &str) -> [String; 3] {
    [
        folded.to_owned(),
        folded.replacen("st ", "sint ", 1),
        folded.replacen("st ", "saint ", 1),
    ]
}
