//! The social.brussels (Bruxelles Social / Sociaal Brussel, CDCS) importer.

mod categories;
mod checks;
mod contacts;
mod location;
mod names;
mod record;
mod texts;

use super::common;
use crate::draft::{empty_organisation, Draft, Parsed, Rejection, SourceContext};
use crate::normalize;
use checks::report_lang_status_conflict;
use orienta_model::{QualityCode, QualityIssue, Severity, SourceSystem};
use record::CdcsRecord;

/// The public page of an organisation.
pub fn organisation_url(id: &str) -> String {
    format!("https://social.brussels/organisation/{id}")
}

/// A rejected record with its one error.
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

/// Maps a record with a valid id to a draft (or rejects it when it has no name).
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
    if !names::names(&mut organisation, &record, issues) {
        return rejected(
            Some(id.to_owned()),
            case,
            QualityCode::MissingField,
            "nameOfficialFr",
            "no name in any language; record rejected".to_owned(),
        );
    }
    texts::texts(&mut organisation, &record, issues);
    categories::categories(&mut organisation, &record, issues);
    contacts::languages(&mut organisation, &record, issues);
    contacts::contacts(&mut organisation, &record, issues);
    contacts::identifiers(&mut organisation, &record, id, url, issues);
    let positions = location::location(&mut organisation, &record, id, &source, issues);
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
