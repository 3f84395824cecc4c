//! Phones, e-mails, websites and identifiers, gathered from every level of the record.

use super::common;
use super::model::{phone_kind, Organization};
use crate::normalize::{self, kbo};
use orienta_model::{external_id_scheme, ExternalId, Organisation, QualityIssue};

/// The phones, e-mails and websites of the organization, its contacts, locations and
/// services.
pub(super) fn contacts(
    organisation: &mut Organisation,
    organization: &Organization,
    issues: &mut Vec<QualityIssue>,
) {
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
    common::emails(organisation, &emails, "email", issues);
    let websites = std::iter::once(&organization.website)
        .chain(organization.services.iter().map(|s| &s.url))
        .filter_map(|w| w.get().map(str::to_owned))
        .collect::<Vec<_>>();
    common::websites(organisation, &websites, "website", issues);
}

/// The HSDS id, then the organization's identifiers (a KBO number checked and normalised).
pub(super) fn identifiers(
    organisation: &mut Organisation,
    organization: &Organization,
    id: &str,
    issues: &mut Vec<QualityIssue>,
) {
    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::HSDS.to_owned(),
        value: id.to_owned(),
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
}
