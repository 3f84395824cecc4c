//! The record's languages, contacts and identifiers.

use super::checks::{lang_status, language_value};
use super::common;
use super::record::CdcsRecord;
use crate::normalize::kbo;
use orienta_model::{external_id_scheme, ExternalId, Organisation, PhoneKind, QualityIssue};

/// The language status, the languages spoken (from the status and both lists) and
/// whether interpretation is offered.
pub(super) fn languages(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) {
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
        common::languages(organisation, &values, field, issues);
    }
    common::finish_languages(organisation);
    organisation.interpretation = record.is_interpreting.0;
}

/// The phones, faxes, e-mails and websites, French then Dutch.
pub(super) fn contacts(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) {
    common::phones(
        organisation,
        &record.tel_fr.items,
        "telFr",
        PhoneKind::Voice,
        issues,
    );
    common::phones(
        organisation,
        &record.tel_nl.items,
        "telNl",
        PhoneKind::Voice,
        issues,
    );
    common::phones(
        organisation,
        &record.fax_fr.items,
        "faxFr",
        PhoneKind::Fax,
        issues,
    );
    common::phones(
        organisation,
        &record.fax_nl.items,
        "faxNl",
        PhoneKind::Fax,
        issues,
    );
    common::emails(organisation, &record.email_fr.items, "emailFr", issues);
    common::emails(organisation, &record.email_nl.items, "emailNl", issues);
    for (list, field) in [
        (&record.website_official_fr, "websiteOfficialFr"),
        (&record.website_official_nl, "websiteOfficialNl"),
        (&record.website_unofficial_fr, "websiteUnofficialFr"),
        (&record.website_unofficial_nl, "websiteUnofficialNl"),
        (&record.website_info_fr, "websiteInfoFr"),
        (&record.website_info_nl, "websiteInfoNl"),
    ] {
        common::websites(organisation, &list.items, field, issues);
    }
}

/// The social.brussels id (with the public page) and the KBO numbers.
pub(super) fn identifiers(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    id: &str,
    url: String,
    issues: &mut Vec<QualityIssue>,
) {
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
}
