//! The record's names: official, alternative, service and former names.

use super::common;
use super::record::CdcsRecord;
use crate::lenient::List;
use crate::normalize::{self, info};
use orienta_model::{I18nText, Organisation, QualityCode, QualityIssue};

/// The items of a list cleaned as single lines (empty ones dropped).
pub(super) fn cleaned(
    list: &List<String>,
    field: &str,
    issues: &mut Vec<QualityIssue>,
) -> Vec<String> {
    list.items
        .iter()
        .filter_map(|item| normalize::text::clean_line(item, field, issues))
        .collect()
}

/// Sets the names; without an official name the first alternative one is displayed.
/// `false` when the record has no name in any language (it is rejected).
pub(super) fn names(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) -> bool {
    let official_fr = common::line(record.name_official_fr.get(), "nameOfficialFr", issues);
    let official_nl = common::line(record.name_official_nl.get(), "nameOfficialNl", issues);
    common::set_names(
        organisation,
        official_fr,
        official_nl,
        ["nameOfficialFr", "nameOfficialNl"],
        issues,
    );
    let alternative_fr = cleaned(&record.name_alternative_fr, "nameAlternativeFr", issues);
    let alternative_nl = cleaned(&record.name_alternative_nl, "nameAlternativeNl", issues);
    common::push_names(
        &mut organisation.alt_names,
        alternative_fr.iter().chain(&alternative_nl).cloned(),
    );
    other_names(organisation, record, issues);
    if !organisation.name.is_empty() {
        return true;
    }
    let fallback = I18nText::new(
        alternative_fr.first().cloned(),
        alternative_nl.first().cloned(),
    );
    if fallback.is_empty() {
        return false;
    }
    issues.push(info(
        QualityCode::MissingField,
        "nameOfficialFr",
        "no official name; the alternative name is displayed",
    ));
    organisation.name = fallback;
    true
}

/// The services' names (as alternative names) and the former names.
fn other_names(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) {
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
}
