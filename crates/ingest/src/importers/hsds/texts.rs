//! The record's language and its texts: names, descriptions, audience, access, legal status.

use super::common;
use super::model::{lang_field, Organization};
use crate::normalize::{self, info, warning};
use orienta_model::{I18nText, Lang, Organisation, QualityCode, QualityIssue, Term};

/// A text in the record's one language (empty when there is none).
pub(super) fn only_in(lang: Lang, value: Option<String>) -> I18nText {
    value.map(|v| I18nText::only(lang, v)).unwrap_or_default()
}

/// The language of the record's texts: its `language` field or a service's, else detected
/// over its texts (reported), else French (warned).
pub(super) fn record_language(
    organization: &Organization,
    name: &str,
    issues: &mut Vec<QualityIssue>,
) -> Lang {
    let given = lang_field(&organization.language).or_else(|| {
        organization
            .services
            .iter()
            .find_map(|s| lang_field(&s.language))
    });
    if let Some(lang) = given {
        return lang;
    }
    let sample: String = std::iter::once(organization.description.get().unwrap_or_default())
        .chain(
            organization
                .services
                .iter()
                .filter_map(|s| s.description.get()),
        )
        .chain(std::iter::once(name))
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
}

/// The official and display names, and the alternate names of the organization and its
/// services.
pub(super) fn names(
    organisation: &mut Organisation,
    organization: &Organization,
    name: &str,
    lang: Lang,
    issues: &mut Vec<QualityIssue>,
) {
    let official = common::line(Some(name), "name", issues);
    organisation.official_name = only_in(lang, official.clone());
    organisation.name = only_in(
        lang,
        official.map(|n| normalize::name::display(&n, "name", issues)),
    );
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
}

/// The description (the organization's, then each service's), audience, access, legal
/// status and whether interpretation is offered.
pub(super) fn texts(
    organisation: &mut Organisation,
    organization: &Organization,
    lang: Lang,
    issues: &mut Vec<QualityIssue>,
) {
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
    organisation.description = only_in(lang, common::join(&descriptions, "\n\n"));
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
    organisation.audience = only_in(lang, common::join(&eligibility, "\n"));
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
    organisation.access = only_in(lang, common::join(&access, "\n"));
    organisation.legal_status = organization.legal_status.get().map(|label| Term {
        id: None,
        label: I18nText::only(lang, label),
    });
    organisation.interpretation = organization
        .services
        .iter()
        .any(|s| s.interpretation_services.get().is_some());
}

/// The services' `service_areas`, names first (`Schaerbeek; Evere`), else descriptions: read
/// as a stated area once the record is tagged (see `service_area`).
pub(super) fn service_areas(organisation: &mut Organisation, organization: &Organization) {
    let areas = organization
        .services
        .iter()
        .flat_map(|service| &service.service_areas);
    let texts: Vec<&str> = areas
        .filter_map(|area| area.name.get().or_else(|| area.description.get()))
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .take(MAX_SERVICE_AREAS)
        .collect();
    if texts.is_empty() {
        return;
    }
    organisation.serves = crate::service_area::stated(texts.join("; "), "services.service_areas");
}

/// Most service areas read per record (a bound on what a source controls).
const MAX_SERVICE_AREAS: usize = 64;
