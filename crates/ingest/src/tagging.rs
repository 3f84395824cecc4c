//! Territory tagging of a draft's locations; the tagger's issues are merged into the record.

use crate::draft::Draft;
use orienta_model::{I18nText, QualityIssue};
use orienta_territory::{LocationInput, Tagger};

/// Tags every location of a draft, fills its point and territory, and normalises its city
/// to the commune found.
pub(crate) fn tag(draft: &mut Draft, tagger: &Tagger) {
    let organisation = &mut draft.organisation;
    for (index, (location, position)) in organisation
        .locations
        .iter_mut()
        .zip(&draft.positions)
        .enumerate()
    {
        let address = &location.address;
        let input = LocationInput {
            lat: position.lat,
            lon: position.lon,
            lambert_x: position.lambert_x,
            lambert_y: position.lambert_y,
            postcode: address.postcode.as_deref(),
            street_fr: address.street.fr.as_deref(),
            street_nl: address.street.nl.as_deref(),
            city: position.city.as_deref(),
            country: position.country.as_deref(),
        };
        let outcome = tagger.tag(&input);
        if let Some(commune) = outcome
            .territory
            .commune
            .as_ref()
            .filter(|_| outcome.territory.in_region)
        {
            location.address.city =
                I18nText::new(Some(commune.fr.clone()), Some(commune.nl.clone()));
        }
        location.geo = outcome.geo;
        location.territory = Some(outcome.territory);
        for mut issue in outcome.issues {
            if index > 0 {
                issue.field = format!("locations[{index}].{}", issue.field);
            }
            push_unique(&mut organisation.quality, issue);
        }
    }
}

/// Adds an issue unless one with the same code and field is there.
pub(crate) fn push_unique(issues: &mut Vec<QualityIssue>, issue: QualityIssue) {
    if !issues
        .iter()
        .any(|known| known.code == issue.code && known.field == issue.field)
    {
        issues.push(issue);
    }
}
