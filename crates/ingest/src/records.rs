//! One source held in memory read into records, without tagging or deduplication: the
//! importers' own contract, for fuzzing and tests.

use crate::draft::{Parsed, SourceContext};
use crate::importers;
use crate::limits::SourceLimits;
use crate::report::Diagnostic;
use crate::source::{LoadedSource, SourceKind};
use orienta_model::Organisation;
use orienta_thesaurus::Thesaurus;

/// What [`read_body`] found.
#[derive(Debug, Clone, Default)]
pub struct BodyRecords {
    /// Records accepted, untagged, in source order.
    pub accepted: Vec<Organisation>,
    /// One error diagnostic per rejected record.
    pub rejected: Vec<Diagnostic>,
    /// Why the source as a whole was refused (over a limit), if so.
    pub error: Option<String>,
}

impl BodyRecords {
    /// Records read: accepted + rejected.
    pub fn read(&self) -> usize {
        self.accepted.len() + self.rejected.len()
    }
}

/// Reads `bytes` as a source of `kind` (decoded as files are: UTF-8, else cp1252), within
/// `limits`; a body over `limits.max_source_bytes` is refused as a file would be.
pub fn read_body(
    kind: SourceKind,
    bytes: &[u8],
    limits: &SourceLimits,
    thesaurus: &Thesaurus,
) -> BodyRecords {
    let origin = "memory";
    if bytes.len() as u64 > limits.max_source_bytes {
        return BodyRecords {
            error: Some(format!(
                "{} bytes, more than the limit of {}",
                bytes.len(),
                limits.max_source_bytes
            )),
            ..BodyRecords::default()
        };
    }
    let loaded = LoadedSource {
        origin: origin.to_owned(),
        kind,
        body: crate::encoding::decode(bytes.to_vec()),
    };
    let now = chrono::Utc::now();
    let context = SourceContext {
        origin,
        fetched_at: now,
        today: now.date_naive(),
        thesaurus,
    };
    let parsed = match importers::read(&loaded, &context, limits) {
        Ok(parsed) => parsed,
        Err(error) => {
            return BodyRecords {
                error: Some(error),
                ..BodyRecords::default()
            }
        }
    };
    let mut records = BodyRecords::default();
    for record in parsed {
        match record {
            Parsed::Accepted(draft) => records.accepted.push(draft.organisation),
            Parsed::Rejected(rejection) => records.rejected.push(Diagnostic::new(
                origin,
                rejection.record_id.as_deref(),
                rejection.case.as_deref(),
                &rejection.issue,
            )),
        }
    }
    records
}
