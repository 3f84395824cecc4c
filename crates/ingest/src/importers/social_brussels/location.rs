//! The record's one address, as a location and the position to tag.

use super::common::{self, RawAddress};
use super::record::CdcsRecord;
use crate::draft::Position;
use orienta_model::{Organisation, Provenance, QualityIssue};

/// Pushes the location of the record's address (reported when it has none); returns its
/// position.
pub(super) fn location(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    id: &str,
    source: &Provenance,
    issues: &mut Vec<QualityIssue>,
) -> Vec<Position> {
    let mut positions = Vec::new();
    let Some(address) = record
        .address
        .as_ref()
        .filter(|address| !address.is_blank())
    else {
        common::no_address(issues, "address");
        return positions;
    };
    let postcode = address.zip_code.get().or_else(|| {
        address
            .postal_code_fr
            .get()
            .and_then(|text| text.split_whitespace().next())
    });
    let raw_address = RawAddress {
        street_fr: address.street_fr.get(),
        street_nl: address.street_nl.get(),
        number: address.number.get(),
        box_number: address.postal_box.get(),
        postcode,
        city_fr: address.municipality_fr.get(),
        city_nl: address.municipality_nl.get(),
        country: address.country.get(),
        lat: address.lat.0,
        lon: address.lon.0,
        lambert_x: address.x.0,
        lambert_y: address.y.0,
    };
    let fields = [
        "address.streetFr",
        "address.streetNl",
        "address.number",
        "address.zipCode",
    ];
    let (location, position) = common::location(
        &raw_address,
        fields,
        format!("{id}/address"),
        source,
        issues,
    );
    organisation.locations.push(location);
    positions.push(position);
    positions
}
