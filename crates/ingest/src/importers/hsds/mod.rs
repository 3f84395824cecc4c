//! The HSDS 3.0 importer: an organization with nested services, locations, phones,
//! languages and schedules (also in arrays and `{"contents": […]}` pages).
//!
//! HSDS has no i18n: texts go to the language named by a `language` field when there is one,
//! else to the language detected over the record's texts (flagged `SuspectLanguage`).

mod contacts;
mod model;
mod places;
mod texts;

use super::common;
use crate::draft::{empty_organisation, Draft, Parsed, SourceContext};
use crate::normalize;
use chrono::NaiveDate;
use model::Organization;
use orienta_model::SourceSystem;
/// Reads one HSDS organization.
pub(crate) fn parse(raw: &str, context: &SourceContext<'_>) -> Parsed {
    let organization: Organization = match serde_json::from_str(raw) {
        Ok(organization) => organization,
        Err(error) => {
            return super::unparsable(None, "", format!("not an hsds organization: {error}"))
        }
    };
    let Some(id) = organization.id.get().map(|id| id.trim().to_owned()) else {
        return super::missing(None, "id", "no id; record rejected");
    };
    let Some(name) = organization.name.get().map(str::to_owned) else {
        return super::missing(Some(id), "name", "no name; record rejected");
    };
    let mut issues = Vec::new();
    let issues = &mut issues;
    let mut source = context.provenance(SourceSystem::Hsds, &id, None, raw);
    source.updated_at = last_modified(&organization, context.today);
    let mut organisation = empty_organisation(source.clone(), false);
    let lang = texts::record_language(&organization, &name, issues);
    texts::names(&mut organisation, &organization, &name, lang, issues);
    texts::texts(&mut organisation, &organization, lang, issues);
    texts::service_areas(&mut organisation, &organization);
    contacts::contacts(&mut organisation, &organization, issues);
    let nested_locations = places::nested_locations(&organization);
    places::languages_and_schedule(
        &mut organisation,
        &organization,
        &nested_locations,
        lang,
        issues,
    );
    contacts::identifiers(&mut organisation, &organization, &id, issues);
    let record = places::RecordPlaces {
        id: &id,
        lang,
        source: &source,
    };
    let positions = places::locations(&mut organisation, &nested_locations, &record, issues);
    if organisation.locations.is_empty() {
        common::no_address(issues, "locations");
    }
    common::report_missing_languages(&organisation, ["name", "name"], issues);
    organisation.quality = std::mem::take(issues);
    Parsed::Accepted(Box::new(Draft {
        organisation,
        positions,
        case: None,
        given_needs: Vec::new(),
    }))
}

/// The latest `last_modified` date of the services (unreadable dates ignored silently).
fn last_modified(organization: &Organization, today: NaiveDate) -> Option<NaiveDate> {
    organization
        .services
        .iter()
        .filter_map(|service| service.last_modified.get())
        .filter_map(|date| {
            normalize::date::parse(date, "services.last_modified", today, &mut Vec::new())
        })
        .max()
}
