//! Organisations suggested under one label are told apart: by commune, then by address;
//! the same label at the same address is one service listed twice, suggested once.

use super::needs::{SuggestionKind, SuggestionView};
use orienta_model::{Lang, Organisation};
use orienta_search::SearchIndex;
use std::collections::HashSet;

/// Where an organisation suggested under a shared label is.
struct Place {
    /// The label, lower case.
    label: String,
    /// Commune of the main location, in the answer's language.
    commune: Option<String>,
    /// Street and number of the main location.
    address: Option<String>,
}

/// The suggestions with a `detail` where labels repeat, and true duplicates dropped.
pub(super) fn distinct(
    suggestions: Vec<SuggestionView>,
    index: &SearchIndex,
    lang: Lang,
) -> Vec<SuggestionView> {
    let places: Vec<Option<Place>> = suggestions
        .iter()
        .map(|suggestion| {
            shares_label(suggestion, &suggestions).then(|| place_of(index, suggestion, lang))
        })
        .collect();
    let mut kept = Vec::with_capacity(suggestions.len());
    let mut seen_addresses: HashSet<(String, String)> = HashSet::new();
    for (position, mut suggestion) in suggestions.into_iter().enumerate() {
        let Some(place) = &places[position] else {
            kept.push(suggestion);
            continue;
        };
        if let Some(address) = &place.address {
            let first_time = seen_addresses.insert((place.label.clone(), address.clone()));
            if !first_time {
                continue;
            }
        }
        let commune_shared = places.iter().enumerate().any(|(other, candidate)| {
            candidate.as_ref().is_some_and(|candidate| {
                other != position
                    && candidate.label == place.label
                    && candidate.commune == place.commune
                    && candidate.address != place.address
            })
        });
        suggestion.detail = match commune_shared {
            true => place.address.clone().or_else(|| place.commune.clone()),
            false => place.commune.clone().or_else(|| place.address.clone()),
        };
        kept.push(suggestion);
    }
    kept
}

/// Whether another organisation is suggested under the same label.
fn shares_label(suggestion: &SuggestionView, all: &[SuggestionView]) -> bool {
    let is_name =
        |candidate: &SuggestionView| matches!(candidate.kind, SuggestionKind::Organisation);
    let label = suggestion.label.to_lowercase();
    is_name(suggestion)
        && all
            .iter()
            .filter(|other| is_name(other) && other.label.to_lowercase() == label)
            .count()
            > 1
}

fn place_of(index: &SearchIndex, suggestion: &SuggestionView, lang: Lang) -> Place {
    let (commune, address) = match index.organisation(&suggestion.id) {
        Ok(Some(organisation)) => main_place(&organisation, lang),
        _ => (None, None),
    };
    Place {
        label: suggestion.label.to_lowercase(),
        commune,
        address,
    }
}

/// The commune and the street line of an organisation's main location, in `lang`.
fn main_place(organisation: &Organisation, lang: Lang) -> (Option<String>, Option<String>) {
    let Some(location) = organisation.locations.first() else {
        return (None, None);
    };
    let commune = location
        .territory
        .as_ref()
        .and_then(|territory| territory.commune.as_ref())
        .map(|commune| match lang {
            Lang::Nl => commune.nl.clone(),
            _ => commune.fr.clone(),
        });
    let address = &location.address;
    let street = address
        .street
        .resolve(lang)
        .map(|street| street.text.to_owned());
    let line = street.map(|street| match &address.number {
        Some(number) => format!("{street} {number}"),
        None => street,
    });
    (commune, line)
}
