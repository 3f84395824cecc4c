//! The HSDS 3.0 objects read by the importer, leniently, and their small conversions.

use crate::lenient::{Number, Text};
use orienta_model::{Lang, OpeningSlot, PhoneKind, Weekday};
use serde::{Deserialize, Deserializer};

fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Organization {
    pub(super) id: Text,
    pub(super) name: Text,
    pub(super) alternate_name: Text,
    pub(super) description: Text,
    pub(super) email: Text,
    pub(super) website: Text,
    pub(super) legal_status: Text,
    pub(super) language: Text,
    #[serde(deserialize_with = "list")]
    pub(super) phones: Vec<Phone>,
    #[serde(deserialize_with = "list")]
    pub(super) locations: Vec<Location>,
    #[serde(deserialize_with = "list")]
    pub(super) services: Vec<Service>,
    #[serde(deserialize_with = "list")]
    pub(super) organization_identifiers: Vec<Identifier>,
    #[serde(deserialize_with = "list")]
    pub(super) contacts: Vec<Contact>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ServiceAreaItem {
    pub(super) name: Text,
    pub(super) description: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Service {
    pub(super) name: Text,
    pub(super) alternate_name: Text,
    pub(super) description: Text,
    pub(super) url: Text,
    pub(super) email: Text,
    pub(super) language: Text,
    pub(super) interpretation_services: Text,
    pub(super) application_process: Text,
    pub(super) eligibility_description: Text,
    pub(super) last_modified: Text,
    #[serde(deserialize_with = "list")]
    pub(super) phones: Vec<Phone>,
    #[serde(deserialize_with = "list")]
    pub(super) schedules: Vec<HsdsSchedule>,
    #[serde(deserialize_with = "list")]
    pub(super) languages: Vec<LanguageItem>,
    #[serde(deserialize_with = "list")]
    pub(super) service_at_locations: Vec<ServiceAtLocation>,
    #[serde(deserialize_with = "list")]
    pub(super) contacts: Vec<Contact>,
    #[serde(deserialize_with = "list")]
    pub(super) service_areas: Vec<ServiceAreaItem>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ServiceAtLocation {
    pub(super) location: Option<Location>,
    #[serde(deserialize_with = "list")]
    pub(super) schedules: Vec<HsdsSchedule>,
    #[serde(deserialize_with = "list")]
    pub(super) phones: Vec<Phone>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Location {
    pub(super) id: Text,
    pub(super) name: Text,
    pub(super) location_type: Text,
    pub(super) latitude: Number,
    pub(super) longitude: Number,
    #[serde(deserialize_with = "list")]
    pub(super) addresses: Vec<HsdsAddress>,
    #[serde(deserialize_with = "list")]
    pub(super) languages: Vec<LanguageItem>,
    #[serde(deserialize_with = "list")]
    pub(super) phones: Vec<Phone>,
    #[serde(deserialize_with = "list")]
    pub(super) schedules: Vec<HsdsSchedule>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct HsdsAddress {
    pub(super) address_1: Text,
    pub(super) address_2: Text,
    pub(super) city: Text,
    pub(super) postal_code: Text,
    pub(super) country: Text,
    pub(super) address_type: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Phone {
    pub(super) number: Text,
    #[serde(rename = "type")]
    pub(super) kind: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Contact {
    pub(super) email: Text,
    #[serde(deserialize_with = "list")]
    pub(super) phones: Vec<Phone>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LanguageItem {
    pub(super) code: Text,
    pub(super) name: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Identifier {
    pub(super) identifier_scheme: Text,
    pub(super) identifier: Text,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct HsdsSchedule {
    pub(super) freq: Text,
    pub(super) byday: Text,
    pub(super) opens_at: Text,
    pub(super) closes_at: Text,
    pub(super) description: Text,
}

pub(super) fn lang_field(text: &Text) -> Option<Lang> {
    text.get().and_then(|code| code.parse::<Lang>().ok())
}

pub(super) fn minutes(time: &str) -> Option<u16> {
    let mut parts = time.trim().split(':');
    let hours: u16 = parts.next()?.parse().ok()?;
    let minutes: u16 = parts.next().unwrap_or("0").parse().ok()?;
    // `then`, not `then_some`: the product must not be computed for out-of-range hours
    // (found by the hsds fuzz target: `99999:00` overflowed).
    (hours <= 24 && minutes < 60).then(|| hours * 60 + minutes)
}

/// Weekly slots of an HSDS schedule with `freq=WEEKLY`, `byday` and opening times.
pub(super) fn weekly_slots(schedule: &HsdsSchedule) -> Vec<OpeningSlot> {
    if !schedule
        .freq
        .get()
        .is_some_and(|f| f.eq_ignore_ascii_case("weekly"))
    {
        return Vec::new();
    }
    let (Some(opens), Some(closes)) = (
        schedule.opens_at.get().and_then(minutes),
        schedule.closes_at.get().and_then(minutes),
    ) else {
        return Vec::new();
    };
    if opens >= closes {
        return Vec::new();
    }
    let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    schedule
        .byday
        .get()
        .unwrap_or_default()
        .split(',')
        .filter_map(|code| {
            codes
                .iter()
                .position(|c| c.eq_ignore_ascii_case(code.trim()))
        })
        .map(|index| OpeningSlot {
            day: Weekday::ALL[index],
            opens,
            closes,
        })
        .collect()
}

pub(super) fn phone_kind(kind: &Text) -> PhoneKind {
    match kind.get().map(str::to_lowercase).as_deref() {
        Some("fax") => PhoneKind::Fax,
        Some("cell" | "mobile") => PhoneKind::Mobile,
        _ => PhoneKind::Voice,
    }
}

#[cfg(test)]
mod tests {
    use super::minutes;

    #[test]
    fn opening_times_out_of_range_are_refused_without_overflow() {
        assert_eq!(minutes("09:30"), Some(570));
        assert_eq!(minutes("24:00"), Some(1440));
        assert_eq!(minutes("25:00"), None);
        assert_eq!(minutes("60000:00"), None);
        assert_eq!(minutes("9:75"), None);
    }
}
