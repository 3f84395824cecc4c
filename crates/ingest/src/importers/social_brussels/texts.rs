//! The record's texts: description (with activities), audience, access, remark and hours.

use super::common;
use super::names::cleaned;
use super::record::CdcsRecord;
use crate::lenient::List;
use orienta_model::{Organisation, QualityIssue};

/// A description followed by the activities, each cleaned as a block.
fn description(
    description: Option<&str>,
    activities: Option<&str>,
    fields: [&str; 2],
    issues: &mut Vec<QualityIssue>,
) -> Option<String> {
    common::join(
        &[
            common::block(description, fields[0], issues),
            common::block(activities, fields[1], issues),
        ],
        "\n\n",
    )
}

/// The access conditions, one cleaned line each; `None` when there is none.
fn access(list: &List<String>, field: &str, issues: &mut Vec<QualityIssue>) -> Option<String> {
    let items = cleaned(list, field, issues);
    (!items.is_empty()).then(|| items.join("\n"))
}

/// Sets the description, audience, access, remark and opening hours.
pub(super) fn texts(
    organisation: &mut Organisation,
    record: &CdcsRecord,
    issues: &mut Vec<QualityIssue>,
) {
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
}
