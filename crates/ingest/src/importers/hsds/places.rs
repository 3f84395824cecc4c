//! Where the services are: the nested locations with their addresses, spoken languages
//! and opening hours.

use super::common::{self, RawAddress};
use super::model::{weekly_slots, HsdsSchedule, Location, Organization};
use super::texts::only_in;
use crate::draft::Position;
use orienta_model::{
    I18nText, Lang, OpeningSlot, Organisation, Provenance, QualityIssue, Schedule,
};

/// The organization's locations, then those nested in its services.
pub(super) fn nested_locations(organization: &Organization) -> Vec<&Location> {
    organization
        .locations
        .iter()
        .chain(organization.services.iter().flat_map(|s| {
            s.service_at_locations
                .iter()
                .filter_map(|sal| sal.location.as_ref())
        }))
        .collect()
}

/// The languages spoken and the opening hours, from services and locations.
pub(super) fn languages_and_schedule(
    organisation: &mut Organisation,
    organization: &Organization,
    nested_locations: &[&Location],
    lang: Lang,
    issues: &mut Vec<QualityIssue>,
) {
    let spoken: Vec<String> = organization
        .services
        .iter()
        .flat_map(|s| &s.languages)
        .chain(nested_locations.iter().flat_map(|l| &l.languages))
        .filter_map(|item| item.code.get().or(item.name.get()).map(str::to_owned))
        .collect();
    common::languages(organisation, &spoken, "languages", issues);
    common::finish_languages(organisation);
    let schedules: Vec<&HsdsSchedule> = organization
        .services
        .iter()
        .flat_map(|s| {
            s.schedules
                .iter()
                .chain(s.service_at_locations.iter().flat_map(|sal| &sal.schedules))
        })
        .chain(nested_locations.iter().flat_map(|l| &l.schedules))
        .collect();
    organisation.schedule = schedule(&schedules, lang, issues);
}

/// What the locations of one record share.
pub(super) struct RecordPlaces<'a> {
    /// The organization's id.
    pub id: &'a str,
    /// The language of its texts.
    pub lang: Lang,
    /// Its provenance, copied into each location.
    pub source: &'a Provenance,
}

/// The physical locations (virtual ones and repeated ids skipped), pushed onto the
/// organisation; returns their positions, same order.
pub(super) fn locations(
    organisation: &mut Organisation,
    nested_locations: &[&Location],
    record: &RecordPlaces,
    issues: &mut Vec<QualityIssue>,
) -> Vec<Position> {
    let mut positions = Vec::new();
    let mut seen = Vec::new();
    for (index, location) in nested_locations.iter().enumerate() {
        let location_id = location
            .id
            .get()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{}/location/{index}", record.id));
        let virtual_only = location
            .location_type
            .get()
            .is_some_and(|t| t.eq_ignore_ascii_case("virtual"));
        if virtual_only || seen.contains(&location_id) {
            continue;
        }
        seen.push(location_id.clone());
        let (canonical, position) = self::location(location, &location_id, record, issues);
        organisation.locations.push(canonical);
        positions.push(position);
    }
    positions
}

/// One location from its physical (else first) address and coordinates; the street goes
/// to the language it reads in.
fn location(
    location: &Location,
    location_id: &str,
    record: &RecordPlaces,
    issues: &mut Vec<QualityIssue>,
) -> (orienta_model::Location, Position) {
    let address = location
        .addresses
        .iter()
        .find(|a| {
            a.address_type
                .get()
                .is_none_or(|t| t.eq_ignore_ascii_case("physical"))
        })
        .or(location.addresses.first());
    let street = address.and_then(|a| a.address_1.get());
    let (street_fr, street_nl) = match street
        .map(orienta_text::street::street_language)
        .unwrap_or(Some(record.lang))
    {
        Some(Lang::Nl) => (None, street),
        _ => (street, None),
    };
    let raw_address = RawAddress {
        street_fr,
        street_nl,
        number: None,
        box_number: address
            .and_then(|a| a.address_2.get())
            .filter(|b| b.chars().any(|c| c.is_ascii_digit()) && b.len() <= 12),
        postcode: address.and_then(|a| a.postal_code.get()),
        city_fr: address.and_then(|a| a.city.get()),
        city_nl: None,
        country: address.and_then(|a| a.country.get()),
        lat: location.latitude.0,
        lon: location.longitude.0,
        lambert_x: None,
        lambert_y: None,
    };
    let fields = [
        "locations.addresses.address_1",
        "locations.addresses.address_1",
        "locations.addresses.address_2",
        "locations.addresses.postal_code",
    ];
    let (mut canonical, position) = common::location(
        &raw_address,
        fields,
        format!("{}/{location_id}", record.id),
        record.source,
        issues,
    );
    canonical.name = only_in(record.lang, location.name.get().map(str::to_owned));
    (canonical, position)
}

/// The opening hours: the weekly slots given, else the descriptions parsed as hours.
fn schedule(
    schedules: &[&HsdsSchedule],
    lang: Lang,
    issues: &mut Vec<orienta_model::QualityIssue>,
) -> Schedule {
    // Cleaned like every other text (HTML and mojibake): found by the hsds fuzz target.
    let descriptions: Vec<Option<String>> = schedules
        .iter()
        .map(|s| common::block(s.description.get(), "schedules.description", issues))
        .collect();
    let mut weekly: Vec<OpeningSlot> = schedules.iter().flat_map(|s| weekly_slots(s)).collect();
    let text = common::join(&descriptions, "\n");
    if weekly.is_empty() {
        let (fr, nl) = match lang {
            Lang::Nl => (None, text),
            _ => (text, None),
        };
        let parsed = common::schedule(
            fr,
            nl,
            ["schedules.description", "schedules.description"],
            issues,
        );
        return Schedule {
            text: parsed
                .text
                .iter()
                .next()
                .map(|(_, t)| I18nText::only(lang, t))
                .unwrap_or_default(),
            weekly: parsed.weekly,
        };
    }
    weekly.sort_by_key(|slot| (slot.day, slot.opens));
    weekly.dedup();
    Schedule {
        text: text.map(|t| I18nText::only(lang, t)).unwrap_or_default(),
        weekly,
    }
}
