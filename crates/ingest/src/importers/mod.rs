//! Importers: one module per source kind, each turning raw records into drafts.

pub(crate) mod common;
pub(crate) mod hospitals;
pub(crate) mod hsds;
pub(crate) mod partner_csv;
pub(crate) mod social_brussels;

mod located;

use crate::draft::{Parsed, Rejection, SourceContext};
use crate::limits::{truncate_chars, SourceLimits};
use crate::source::{json_records, LoadedSource, SourceKind};
use orienta_model::{QualityCode, QualityIssue, Severity};
use rayon::prelude::*;

/// Characters of a rejection message kept (messages may quote a value).
const MAX_REJECTION_CHARS: usize = 500;

/// Reads every record of a loaded source, in parallel where the format allows it; a source
/// with more records than `limits.max_records` fails whole, with the reason.
pub(crate) fn read(
    source: &LoadedSource,
    context: &SourceContext<'_>,
    limits: &SourceLimits,
) -> Result<Vec<Parsed>, String> {
    let too_many = |count: usize| {
        format!(
            "{count} records, more than the limit of {} per source; raise max_records to read it",
            limits.max_records
        )
    };
    let parse_json = |parse: fn(&str, &SourceContext<'_>) -> Parsed| {
        let records = json_records(&source.body);
        if records.len() > limits.max_records {
            return Err(too_many(records.len()));
        }
        let lines = located::record_lines(&source.body, &records);
        Ok(records
            .par_iter()
            .zip(lines.par_iter())
            .map(|(raw, line)| {
                let parsed = located::at_line(parse(raw, context), *line);
                finished(parsed, limits)
            })
            .collect())
    };
    let parsed: Vec<Parsed> = match source.kind {
        SourceKind::SocialBrussels => parse_json(social_brussels::parse)?,
        SourceKind::Hsds => parse_json(hsds::parse)?,
        SourceKind::PartnerCsv => partner_csv::read(&source.body, context)
            .into_iter()
            .map(|parsed| finished(parsed, limits))
            .collect(),
        SourceKind::Hospitals => hospitals::read(&source.body, context)
            .into_iter()
            .map(|parsed| finished(parsed, limits))
            .collect(),
        SourceKind::HarvestManifest | SourceKind::Unknown => Vec::new(),
    };
    if parsed.len() > limits.max_records {
        return Err(too_many(parsed.len()));
    }
    Ok(parsed)
}

/// A record within the limits: every field of an accepted draft cut to its bound (one
/// `field_truncated` issue each), a rejection's message and id shortened; then an accepted
/// draft without spare capacity, shrunk on the thread that built it, so the freed blocks
/// serve the next records (a hundred thousand drafts stay in memory until deduplication).
fn finished(mut parsed: Parsed, limits: &SourceLimits) -> Parsed {
    match &mut parsed {
        Parsed::Accepted(draft) => {
            let organisation = &mut draft.organisation;
            if let Err(too_long) = limits.bound(organisation) {
                let message = format!(
                    "an id of {} characters, more than the limit of {}; record rejected",
                    too_long.chars, limits.max_code_chars
                );
                let record_id = organisation
                    .primary_source()
                    .id
                    .chars()
                    .take(limits.max_code_chars)
                    .collect();
                let parsed = Parsed::Rejected(Rejection {
                    record_id: Some(record_id),
                    case: draft.case.take(),
                    issue: QualityIssue::new(
                        QualityCode::MissingField,
                        Severity::Error,
                        "id",
                        message,
                    ),
                });
                return finished(parsed, limits);
            }
            organisation.shrink_to_fit();
            draft.positions.shrink_to_fit();
        }
        Parsed::Rejected(rejection) => {
            truncate_chars(&mut rejection.issue.message, MAX_REJECTION_CHARS);
            truncate_chars(&mut rejection.issue.field, limits.max_name_chars);
            for text in [&mut rejection.record_id, &mut rejection.case]
                .into_iter()
                .flatten()
            {
                truncate_chars(text, limits.max_code_chars);
            }
        }
    }
    parsed
}

/// A rejection for an unreadable record.
pub(crate) fn unparsable(record_id: Option<String>, field: &str, message: String) -> Parsed {
    Parsed::Rejected(Rejection {
        record_id,
        case: None,
        issue: QualityIssue::new(QualityCode::Unparsable, Severity::Error, field, message),
    })
}

/// A rejection for a record missing its id or name.
pub(crate) fn missing(record_id: Option<String>, field: &str, message: &str) -> Parsed {
    Parsed::Rejected(Rejection {
        record_id,
        case: None,
        issue: QualityIssue::new(QualityCode::MissingField, Severity::Error, field, message),
    })
}
