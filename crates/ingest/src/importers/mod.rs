//! Importers: one module per source kind, each turning raw records into drafts.

pub(crate) mod common;
pub(crate) mod hospitals;
pub(crate) mod hsds;
pub(crate) mod partner_csv;
pub(crate) mod social_brussels;

use crate::draft::{Parsed, Rejection, SourceContext};
use crate::source::{json_records, LoadedSource, SourceKind};
use orienta_model::{QualityCode, QualityIssue, Severity};
use rayon::prelude::*;

/// Reads every record of a loaded source, in parallel where the format allows it.
pub(crate) fn read(source: &LoadedSource, context: &SourceContext<'_>) -> Vec<Parsed> {
    match source.kind {
        SourceKind::SocialBrussels => json_records(&source.body)
            .par_iter()
            .map(|raw| fitted(social_brussels::parse(raw, context)))
            .collect(),
        SourceKind::Hsds => json_records(&source.body)
            .par_iter()
            .map(|raw| fitted(hsds::parse(raw, context)))
            .collect(),
        SourceKind::PartnerCsv => partner_csv::read(&source.body, context)
            .into_iter()
            .map(fitted)
            .collect(),
        SourceKind::Hospitals => hospitals::read(&source.body, context)
            .into_iter()
            .map(fitted)
            .collect(),
        SourceKind::HarvestManifest | SourceKind::Unknown => Vec::new(),
    }
}

/// An accepted draft without spare capacity, shrunk on the thread that built it, so the
/// freed blocks serve the next records (a hundred thousand drafts stay in memory until
/// deduplication).
fn fitted(mut parsed: Parsed) -> Parsed {
    if let Parsed::Accepted(draft) = &mut parsed {
        draft.organisation.shrink_to_fit();
        draft.positions.shrink_to_fit();
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
