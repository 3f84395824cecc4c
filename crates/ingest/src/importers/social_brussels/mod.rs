//! The social.brussels (Bruxelles Social / Sociaal Brussel, CDCS) importer.

mod checks;
mod record;

use super::common::{self, RawAddress};
use crate::draft::{empty_organisation, Draft, Parsed, Rejection, SourceContext};
use crate::lenient::List;
use crate::normalize::{self, info, kbo};
use checks::{
    lang_status, language_value, report_lang_status_conflict, report_null_lists, same_term, term,
};
use orienta_model::{
    external_id_scheme, ExternalId, I18nText, PhoneKind, QualityCode, QualityIssue, Severity,
    SourceSystem,
};
use record::CdcsRecord;

/// The public page of an organisation.
pub fn organisation_url(id: &str) -> String {
    format!("https://social.brussels/organisation/{id}")
}

fn rejected(
    record_id: Option<String>,
    case: Option<String>,
    code: QualityCode,
    field: &str,
    message: String,
) -> Parsed {
    Parsed::Rejected(Rejection {
        record_id,
        case,
        issue: QualityIssue::new(code, Severity::Error, field, message),
    })
}

/// Reads one record (or a fixture line wrapping one).
pub(crate) fn parse(raw: &str, context: &SourceContext<'_>) -> Parsed {
    let record: CdcsRecord = match serde_json::from_str(raw) {
        Ok(record) => record,
        Err(error) => {
            return rejected(
                None,
                None,
                QualityCode::Unparsable,
                "",
                format!("not a social.brussels record: {error}"),
            )
        }
    };
    let (record, raw, case) = match (&record.record, record.id.get()) {
        (Some(inner), None) => match serde_json::from_str::<CdcsRecord>(inner.get()) {
            Ok(unwrapped) => (unwrapped, inner.get(), record.case.clone()),
            Err(error) => {
                return rejected(
                    None,
                    record.case.clone(),
                    QualityCode::Unparsable,
                    "record",
                    format!("not a social.brussels record: {error}"),
                )
            }
        },
        _ => (record, raw, None),
    };
    let Some(id) = record
        .id
        .get()
        .map(str::trim)
        .filter(|id| id.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_owned)
    else {
        let message = match record.id.get() {
            Some(bad) => format!("`{bad}` is not a social.brussels id; record rejected"),
            None => "no id; record rejected".to_owned(),
        };
        return rejected(None, case, QualityCode::MissingField, "id", message);
    };
    map(record, &id, raw, case, context)
}

fn map(
    record: CdcsRecord,
    id: &str,
    raw: &str,
    case: Option<String>,
    context: &SourceContext<'_>,
) -> Parsed {
    let mut issues = Vec::new();
    let issues = &mut issues;
    let url = organisation_url(id);
    let mut source = context.provenance(SourceSystem::SocialBrussels, id, Some(url.clone()), raw);
    source.updated_at = record
        .last_update
        .get()
        .and_then(|date| normalize::date::parse(date, "lastUpdate", context.today, issues));
    let mut organisation = empty_organisation(source.clone(), record.synthetic.0);

    // Names.
    let official_fr = common::line(record.name_official_fr.get(), "nameOfficialFr", issues);
    let official_nl = common::line(record.name_official_nl.get(), "nameOfficialNl", issues);
    common::set_names(
        &mut organisation,
        official_fr,
        official_nl,
        ["nameOfficialFr", "nameOfficialNl"],
        issues,
    );
    let cleaned =
        |list: &List<String>, field: &str, issues: &mut Vec<QualityIssue>| -> Vec<String> {
            list.items
                .iter()
                .filter_map(|item| normalize::text::clean_line(item, field, issues))
                .collect()
        };
    let alternative_fr = cleaned(&record.name_alternative_fr, "nameAlternativeFr", issues);
    let alternative_nl = cleaned(&record.name_alternative_nl, "nameAlternativeNl", issues);
    common::push_names(
        &mut organisation.alt_names,
        alternative_fr.iter().chain(&alternative_nl).cloned(),
    );
    common::push_names(
        &mut organisation.alt_names,
        cleaned(&record.name_service_fr, "nameServiceFr", issues),
    );
    common::push_names(
        &mut organisation.alt_names,
        cleaned(&record.name_service_nl, "nameServiceNl", issues),
    );
    common::push_names(
        &mut organisation.former_names,
        cleaned(&record.name_former_fr, "nameFormerFr", issues),
    );
    common::push_names(
        &mut organisation.former_names,
        cleaned(&record.name_former_nl, "nameFormerNl", issues),
    );
    if organisation.name.is_empty() {
        let fallback = I18nText::new(
            alternative_fr.first().cloned(),
            alternative_nl.first().cloned(),
        );
        if fallback.is_empty() {
            return rejected(
                Some(id.to_owned()),
                case,
                QualityCode::MissingField,
                "nameOfficialFr",
                "no name in any language; record rejected".to_owned(),
            );
        }
        issues.push(info(
            QualityCode::MissingField,
            "nameOfficialFr",
            "no official name; the alternative name is displayed",
        ));
        organisation.name = fallback;
    }

    // Texts.
    let description = |description: Option<&str>,
                       activities: Option<&str>,
                       fields: [&str; 2],
                       issues: &mut Vec<QualityIssue>| {
        common::join(
            &[
                common::block(description, fields[0], issues),
                common::block(activities, fields[1], issues),
            ],
            "\n\n",
        )
    };
    let description_fr = description(
        record.description_fr.get(),
        record.activities_fr.get(),
        ["descriptionFr", "activitiesFr"],
        issues,
    );
    let description_nl = description(
        record.description_nl.get(),
        record.activities_nl.get(),
        ["descriptionNl", "activitiesNl"],
        issues,
    );
    organisation.description = common::text_pair(
        description_fr,
        description_nl,
        ["descriptionFr", "descriptionNl"],
        issues,
    );
    let public_fr = common::block(record.public_fr.get(), "publicFr", issues);
    let public_nl = common::block(record.public_nl.get(), "publicNl", issues);
    organisation.audience =
        common::text_pair(public_fr, public_nl, ["publicFr", "publicNl"], issues);
    let access = |list: &List<String>, field: &str, issues: &mut Vec<QualityIssue>| {
        let items = cleaned(list, field, issues);
        (!items.is_empty()).then(|| items.join("\n"))
    };
    let access_fr = access(&record.access_fr, "accessFr", issues);
    let access_nl = access(&record.access_nl, "accessNl", issues);
    organisation.access = common::text_pair(access_fr, access_nl, ["accessFr", "accessNl"], issues);
    let remark_fr = common::block(record.remark_fr.get(), "remarkFr", issues);
    let remark_nl = common::block(record.remark_nl.get(), "remarkNl", issues);
    organisation.remark = common::text_pair(remark_fr, remark_nl, ["remarkFr", "remarkNl"], issues);
    let hours_fr = common::block(record.permanency_fr.get(), "permanencyFr", issues);
    let hours_nl = common::block(record.permanency_nl.get(), "permanencyNl", issues);
    organisation.schedule =
        common::schedule(hours_fr, hours_nl, ["permanencyFr", "permanencyNl"], issues);

    // Classification.
    organisation.legal_status = record.legal_status.items.first().map(term);
    for item in record
        .categories_object
        .items
        .iter()
        .chain(&record.categories.items)
    {
        let category = term(item);
        if !organisation
            .categories
            .iter()
            .any(|known| same_term(known, &category))
        {
            organisation.categories.push(category);
        }
    }
    report_null_lists(
        &[
            ("categories", record.categories.presence),
            ("categoriesObject", record.categories_object.presence),
            ("sectorsObjects", record.sectors_objects.presence),
        ],
        issues,
    );

    // Languages.
    organisation.lang_status = record.lang_status.get().map(lang_status);
    if let Some(status) = record.lang_status.get() {
        organisation.languages.extend(
            orienta_text::spoken::from_lang_status(status)
                .into_iter()
                .map(str::to_owned),
        );
    }
    for (list, field) in [
        (&record.languages, "languages"),
        (&record.language_offer, "languageOffer"),
    ] {
        let values: Vec<String> = list.items.iter().filter_map(language_value).collect();
        common::languages(&mut organisation, &values, field, issues);
    }
    common::finish_languages(&mut organisation);
    organisation.interpretation = record.is_interpreting.0;

    // Contacts.
    common::phones(
        &mut organisation,
        &record.tel_fr.items,
        "telFr",
        PhoneKind::Voice,
        issues,
    );
    common::phones(
        &mut organisation,
        &record.tel_nl.items,
        "telNl",
        PhoneKind::Voice,
        issues,
    );
    common::phones(
        &mut organisation,
        &record.fax_fr.items,
        "faxFr",
        PhoneKind::Fax,
        issues,
    );
    common::phones(
        &mut organisation,
        &record.fax_nl.items,
        "faxNl",
        PhoneKind::Fax,
        issues,
    );
    common::emails(&mut organisation, &record.email_fr.items, "emailFr", issues);
    common::emails(&mut organisation, &record.email_nl.items, "emailNl", issues);
    for (list, field) in [
        (&record.website_official_fr, "websiteOfficialFr"),
        (&record.website_official_nl, "websiteOfficialNl"),
        (&record.website_unofficial_fr, "websiteUnofficialFr"),
        (&record.website_unofficial_nl, "websiteUnofficialNl"),
        (&record.website_info_fr, "websiteInfoFr"),
        (&record.website_info_nl, "websiteInfoNl"),
    ] {
        common::websites(&mut organisation, &list.items, field, issues);
    }

    // Identifiers.
    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::CDCS_ORGANISATION.to_owned(),
        value: id.to_owned(),
        url: Some(url),
    });
    for (index, value) in record.pm_rp.items.iter().enumerate() {
        kbo::normalise(
            value,
            &common::indexed_field("pmRp", index),
            &mut organisation.external_ids,
            issues,
        );
    }

    // Location.
    let mut positions = Vec::new();
    match record
        .address
        .as_ref()
        .filter(|address| !address.is_blank())
    {
        Some(address) => {
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
                &source,
                issues,
            );
            organisation.locations.push(location);
            positions.push(position);
        }
        None => common::no_address(issues, "address"),
    }

    common::report_missing_languages(&organisation, ["nameOfficialFr", "nameOfficialNl"], issues);
    report_lang_status_conflict(&organisation, issues);
    organisation.quality = std::mem::take(issues);
    Parsed::Accepted(Box::new(Draft {
        organisation,
        positions,
        case,
        given_needs: Vec::new(),
    }))
}
