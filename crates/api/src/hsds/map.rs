//! From a canonical organisation to HSDS objects in one language (HSDS has no i18n).

use super::model::{
    AddressHsds, Attribute, Language, Location, Organization, OrganizationIdentifier, Phone,
    Schedule, Service, ServiceAtLocation, TaxonomyTerm,
};
pub use crate::hsds_ids::{as_uuid, derived_id, service_id, term_id};
use crate::labels;
use crate::views::record::clock;
use crate::views::resolve;
use chrono::{DateTime, Utc};
use orienta_model::{external_id_scheme, Lang, Organisation, PhoneKind, Weekday};
use orienta_thesaurus::Thesaurus;

/// Name of the needs taxonomy.
pub const TAXONOMY: &str = "orienta-needs";

/// What mapping needs.
pub struct MapContext<'a> {
    /// Need labels.
    pub thesaurus: &'a Thesaurus,
    /// The one language of the answer.
    pub lang: Lang,
}

fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn is_web_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://"))
        && !text.contains(char::is_whitespace)
}

fn is_email(text: &str) -> bool {
    let mut parts = text.split('@');
    matches!((parts.next(), parts.next(), parts.next()), (Some(local), Some(domain), None)
        if !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace))
}

fn phones(organisation: &Organisation) -> Vec<Phone> {
    organisation
        .phones
        .iter()
        .enumerate()
        .map(|(position, phone)| Phone {
            id: derived_id("phone", &format!("{}/{position}", organisation.id)),
            number: phone.e164.clone(),
            kind: match phone.kind {
                PhoneKind::Voice => "voice",
                PhoneKind::Fax => "fax",
                PhoneKind::Mobile => "cell",
            }
            .to_owned(),
        })
        .collect()
}

/// The taxonomy term of a concept in a language.
pub fn taxonomy_term(thesaurus: &Thesaurus, concept_id: &str, lang: Lang) -> Option<TaxonomyTerm> {
    let concept = thesaurus.concept(concept_id)?;
    let name = resolve(&concept.label, lang).unwrap_or_else(|| concept.id.clone());
    let others: Vec<String> = concept
        .label
        .iter()
        .filter(|(other, text)| *other != lang && *text != name)
        .map(|(other, text)| format!("{other}: {text}"))
        .collect();
    Some(TaxonomyTerm {
        id: term_id(&concept.id),
        code: concept.id.clone(),
        name,
        description: others.join("; "),
        parent_id: concept.broader.first().map(|parent| term_id(parent)),
        taxonomy: TAXONOMY.to_owned(),
        language: lang.code().to_owned(),
    })
}

/// The organisation's locations.
pub fn locations(organisation: &Organisation, lang: Lang) -> Vec<Location> {
    let organization_id = as_uuid("organization", &organisation.id);
    organisation
        .locations
        .iter()
        .map(|location| {
            let location_id = as_uuid("location", &location.id);
            let address = &location.address;
            let street = address
                .street
                .resolve(lang)
                .map(|street| street.text)
                .unwrap_or_default();
            let address_1 = [Some(street), address.number.as_deref()]
                .into_iter()
                .flatten()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let commune = location
                .territory
                .as_ref()
                .and_then(|territory| territory.commune.as_ref());
            Location {
                id: location_id.clone(),
                location_type: "physical".to_owned(),
                organization_id: organization_id.clone(),
                name: resolve(&location.name, lang),
                latitude: location.geo.map(|geo| geo.lat),
                longitude: location.geo.map(|geo| geo.lon),
                external_identifier: commune.map(|commune| commune.nis.clone()),
                external_identifier_type: commune.map(|_| "nis-commune".to_owned()),
                addresses: vec![AddressHsds {
                    id: derived_id("address", &location_id),
                    location_id,
                    address_1,
                    city: resolve(&address.city, lang).unwrap_or_default(),
                    state_province: match lang {
                        Lang::Nl => "Brussels Hoofdstedelijk Gewest",
                        Lang::En => "Brussels-Capital Region",
                        Lang::Fr => "Région de Bruxelles-Capitale",
                    }
                    .to_owned(),
                    postal_code: address.postcode.clone().unwrap_or_default(),
                    country: if address.country.is_empty() {
                        "BE".to_owned()
                    } else {
                        address.country.clone()
                    },
                    address_type: "physical".to_owned(),
                }],
            }
        })
        .collect()
}

/// The weekly slots as schedules; the hours text goes on the first (or on its own).
fn schedules(organisation: &Organisation, id: &str, lang: Lang) -> Vec<Schedule> {
    let mut schedules: Vec<Schedule> = organisation
        .schedule
        .weekly
        .iter()
        .enumerate()
        .map(|(position, slot)| Schedule {
            id: derived_id("schedule", &format!("{id}/{position}")),
            service_id: id.to_owned(),
            freq: Some("WEEKLY".to_owned()),
            byday: Some(day_code(slot.day).to_owned()),
            opens_at: Some(clock(slot.opens)),
            closes_at: Some(clock(slot.closes)),
            description: None,
        })
        .collect();
    if let Some(text) = resolve(&organisation.schedule.text, lang) {
        match schedules.first_mut() {
            Some(first) => first.description = Some(text),
            None => schedules.push(Schedule {
                id: derived_id("schedule", &format!("{id}/text")),
                service_id: id.to_owned(),
                freq: None,
                byday: None,
                opens_at: None,
                closes_at: None,
                description: Some(text),
            }),
        }
    }
    schedules
}

/// The spoken languages, named in `lang`.
fn languages(organisation: &Organisation, id: &str, lang: Lang) -> Vec<Language> {
    organisation
        .languages
        .iter()
        .map(|code| Language {
            id: derived_id("language", &format!("{id}/{code}")),
            service_id: id.to_owned(),
            name: labels::language_name(code, lang),
            code: code.clone(),
        })
        .collect()
}

/// The needs as attributes linking the service to taxonomy terms.
fn attributes(organisation: &Organisation, id: &str, context: &MapContext<'_>) -> Vec<Attribute> {
    organisation
        .needs
        .iter()
        .filter_map(|need| taxonomy_term(context.thesaurus, need, context.lang))
        .map(|term| Attribute {
            id: derived_id("attribute", &format!("{id}/{}", term.code)),
            link_id: id.to_owned(),
            link_type: "service".to_owned(),
            link_entity: "service".to_owned(),
            taxonomy_term_id: term.id.clone(),
            taxonomy_term: term,
        })
        .collect()
}

/// The default service of an organisation (without nested organisation and locations).
pub fn service(
    organisation: &Organisation,
    modified: DateTime<Utc>,
    context: &MapContext<'_>,
) -> Service {
    let lang = context.lang;
    let id = service_id(&organisation.id);
    Service {
        id: id.clone(),
        organization_id: as_uuid("organization", &organisation.id),
        name: resolve(&organisation.name, lang).unwrap_or_default(),
        alternate_name: organisation.alt_names.first().cloned(),
        description: resolve(&organisation.description, lang),
        url: organisation
            .websites
            .iter()
            .find(|url| is_web_url(url))
            .cloned(),
        email: organisation
            .emails
            .iter()
            .find(|email| is_email(email))
            .cloned(),
        status: "active".to_owned(),
        interpretation_services: organisation
            .interpretation
            .then(|| "interpretation available".to_owned()),
        application_process: resolve(&organisation.access, lang),
        eligibility_description: resolve(&organisation.audience, lang),
        last_modified: modified.to_rfc3339(),
        phones: phones(organisation),
        schedules: schedules(organisation, &id, lang),
        languages: languages(organisation, &id, lang),
        attributes: attributes(organisation, &id, context),
        service_at_locations: None,
        organization: None,
    }
}

/// The service's locations as service-at-location objects.
pub fn service_at_locations(organisation: &Organisation, lang: Lang) -> Vec<ServiceAtLocation> {
    let service_id = service_id(&organisation.id);
    locations(organisation, lang)
        .into_iter()
        .map(|location| ServiceAtLocation {
            id: derived_id(
                "service_at_location",
                &format!("{service_id}/{}", location.id),
            ),
            service_id: service_id.clone(),
            location_id: location.id.clone(),
            location,
        })
        .collect()
}

/// The organization with its locations and its default service.
pub fn organization(
    organisation: &Organisation,
    modified: DateTime<Utc>,
    context: &MapContext<'_>,
) -> Organization {
    let lang = context.lang;
    let id = as_uuid("organization", &organisation.id);
    let source = organisation.sources.first();
    // Only the public page the importer set (never one for a sample record's made-up id).
    let uri = source.and_then(|source| source.url.clone());
    let kbo = organisation
        .external_ids
        .iter()
        .find(|external| external.scheme == external_id_scheme::KBO);
    Organization {
        id: id.clone(),
        name: resolve(&organisation.name, lang).unwrap_or_default(),
        alternate_name: organisation.alt_names.first().cloned(),
        description: resolve(&organisation.description, lang).unwrap_or_default(),
        email: organisation
            .emails
            .iter()
            .find(|email| is_email(email))
            .cloned(),
        website: organisation
            .websites
            .iter()
            .find(|url| is_web_url(url))
            .cloned(),
        legal_status: organisation
            .legal_status
            .as_ref()
            .and_then(|term| resolve(&term.label, lang)),
        tax_id: kbo.map(|external| external.value.clone()),
        uri,
        phones: phones(organisation),
        organization_identifiers: organisation
            .external_ids
            .iter()
            .map(|external| OrganizationIdentifier {
                id: derived_id(
                    "identifier",
                    &format!("{id}/{}/{}", external.scheme, external.value),
                ),
                organization_id: id.clone(),
                identifier_scheme: (external.scheme == external_id_scheme::KBO)
                    .then(|| "BE-BCE_KBO".to_owned()),
                identifier_type: external.scheme.clone(),
                identifier: external.value.clone(),
            })
            .collect(),
        locations: locations(organisation, lang),
        services: vec![service(organisation, modified, context)],
    }
}
