//! The HSDS 3.0 importer: an organization with nested services, locations, phones,
//! languages and schedules (also in arrays and `{"contents": […]}` pages).
//!
//! HSDS has no i18n: texts go to the language named by a `language` field when there is one,
//! else to the language detected over the record's texts (flagged `SuspectLanguage`).

mod model;

use super::common::{self, RawAddress};
use crate::draft::{empty_organisation, Draft, Parsed, SourceContext};
use crate::normalize::{self, info, kbo, warning};
use model::{lang_field, phone_kind, weekly_slots, HsdsSchedule, Location, Organization};
use orienta_model::{
    external_id_scheme, ExternalId, I18nText, Lang, OpeningSlot, QualityCode, Schedule,
    SourceSystem, Term,
};

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
    source.updated_at = organization
        .services
        .iter()
        .filter_map(|service| service.last_modified.get())
        .filter_map(|date| {
            normalize::date::parse(
                date,
                "services.last_modified",
                context.today,
                &mut Vec::new(),
            )
        })
        .max();
    let mut organisation = empty_organisation(source.clone(), false);

    // The language of the record's texts.
    let given = lang_field(&organization.language).or_else(|| {
        organization
            .services
            .iter()
            .find_map(|s| lang_field(&s.language))
    });
    let lang = given.unwrap_or_else(|| {
        let sample: String = std::iter::once(organization.description.get().unwrap_or_default())
            .chain(
                organization
                    .services
                    .iter()
                    .filter_map(|s| s.description.get()),
            )
            .chain(std::iter::once(name.as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        match orienta_text::guess_text(&sample) {
            Some(detected) => {
                issues.push(info(
                    QualityCode::SuspectLanguage,
                    "language",
                    format!("no language field; texts detected as {detected}"),
                ));
                detected
            }
            None => {
                issues.push(warning(
                    QualityCode::SuspectLanguage,
                    "language",
                    "no language field and no language detected; texts assumed french",
                ));
                Lang::Fr
            }
        }
    });
    let text = |value: Option<String>| value.map(|v| I18nText::only(lang, v)).unwrap_or_default();

    let official = common::line(Some(&name), "name", issues);
    organisation.official_name = text(official.clone());
    organisation.name = text(official.map(|n| normalize::name::display(&n, "name", issues)));
    let alternates = std::iter::once(&organization.alternate_name)
        .chain(
            organization
                .services
                .iter()
                .flat_map(|s| [&s.name, &s.alternate_name]),
        )
        .filter_map(|t| t.get())
        .filter_map(|t| common::line(Some(t), "alternate_name", issues))
        .collect::<Vec<_>>();
    common::push_names(&mut organisation.alt_names, alternates);
    let mut descriptions = vec![common::block(
        organization.description.get(),
        "description",
        issues,
    )];
    descriptions.extend(
        organization
            .services
            .iter()
            .map(|s| common::block(s.description.get(), "services.description", issues)),
    );
    descriptions.dedup();
    organisation.description = text(common::join(&descriptions, "\n\n"));
    let eligibility: Vec<_> = organization
        .services
        .iter()
        .map(|s| {
            common::block(
                s.eligibility_description.get(),
                "services.eligibility_description",
                issues,
            )
        })
        .collect();
    organisation.audience = text(common::join(&eligibility, "\n"));
    let access: Vec<_> = organization
        .services
        .iter()
        .map(|s| {
            common::block(
                s.application_process.get(),
                "services.application_process",
                issues,
            )
        })
        .collect();
    organisation.access = text(common::join(&access, "\n"));
    organisation.legal_status = organization.legal_status.get().map(|label| Term {
        id: None,
        label: I18nText::only(lang, label),
    });
    organisation.interpretation = organization
        .services
        .iter()
        .any(|s| s.interpretation_services.get().is_some());

    // Contacts.
    let all_phones = organization
        .phones
        .iter()
        .chain(organization.contacts.iter().flat_map(|c| &c.phones))
        .chain(organization.locations.iter().flat_map(|l| &l.phones))
        .chain(organization.services.iter().flat_map(|s| {
            s.phones
                .iter()
                .chain(s.contacts.iter().flat_map(|c| &c.phones))
        }))
        .chain(
            organization
                .services
                .iter()
                .flat_map(|s| s.service_at_locations.iter().flat_map(|sal| &sal.phones)),
        );
    for phone in all_phones {
        if let Some(number) = phone.number.get() {
            normalize::phone::normalise(
                number,
                phone_kind(&phone.kind),
                "phones.number",
                &mut organisation.phones,
                issues,
            );
        }
    }
    let emails = std::iter::once(&organization.email)
        .chain(organization.contacts.iter().map(|c| &c.email))
        .chain(organization.services.iter().map(|s| &s.email))
        .filter_map(|e| e.get().map(str::to_owned))
        .collect::<Vec<_>>();
    common::emails(&mut organisation, &emails, "email", issues);
    let websites = std::iter::once(&organization.website)
        .chain(organization.services.iter().map(|s| &s.url))
        .filter_map(|w| w.get().map(str::to_owned))
        .collect::<Vec<_>>();
    common::websites(&mut organisation, &websites, "website", issues);

    // Languages and schedules.
    let nested_locations: Vec<&Location> = organization
        .locations
        .iter()
        .chain(organization.services.iter().flat_map(|s| {
            s.service_at_locations
                .iter()
                .filter_map(|sal| sal.location.as_ref())
        }))
        .collect();
    let spoken: Vec<String> = organization
        .services
        .iter()
        .flat_map(|s| &s.languages)
        .chain(nested_locations.iter().flat_map(|l| &l.languages))
        .filter_map(|item| item.code.get().or(item.name.get()).map(str::to_owned))
        .collect();
    common::languages(&mut organisation, &spoken, "languages", issues);
    common::finish_languages(&mut organisation);
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

    // Identifiers.
    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::HSDS.to_owned(),
        value: id.clone(),
        url: None,
    });
    for (index, identifier) in organization.organization_identifiers.iter().enumerate() {
        let (Some(scheme), Some(value)) = (
            identifier.identifier_scheme.get(),
            identifier.identifier.get(),
        ) else {
            continue;
        };
        if scheme.eq_ignore_ascii_case(external_id_scheme::KBO) {
            kbo::normalise(
                value,
                &format!("organization_identifiers[{index}]"),
                &mut organisation.external_ids,
                issues,
            );
        } else {
            organisation.external_ids.push(ExternalId {
                scheme: scheme.to_owned(),
                value: value.to_owned(),
                url: None,
            });
        }
    }

    // Locations.
    let mut positions = Vec::new();
    let mut seen = Vec::new();
    for (index, location) in nested_locations.iter().enumerate() {
        let location_id = location
            .id
            .get()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{id}/location/{index}"));
        let virtual_only = location
            .location_type
            .get()
            .is_some_and(|t| t.eq_ignore_ascii_case("virtual"));
        if virtual_only || seen.contains(&location_id) {
            continue;
        }
        seen.push(location_id.clone());
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
            .unwrap_or(Some(lang))
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
            format!("{id}/{location_id}"),
            &source,
            issues,
        );
        canonical.name = text(location.name.get().map(str::to_owned));
        organisation.locations.push(canonical);
        positions.push(position);
    }
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
