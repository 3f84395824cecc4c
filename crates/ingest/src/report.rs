//! The import report: per-source counts, totals, diagnostics and tombstones (JSON).

use crate::source::SourceKind;
use chrono::{DateTime, Utc};
use orienta_model::{QualityCode, QualityIssue, Severity, SourceSystem};
use serde::{Deserialize, Serialize};

/// Counts of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceReport {
    /// File path or URL.
    pub origin: String,
    /// Detected kind.
    pub kind: SourceKind,
    /// Records read (`read = accepted + rejected`).
    pub read: usize,
    /// Records accepted.
    pub accepted: usize,
    /// Records rejected (unparsable, no id, no name).
    pub rejected: usize,
    /// Accepted records with at least one warning.
    pub flagged: usize,
    /// Accepted records merged into another record.
    pub merged: usize,
    /// Why the source could not be read at all, if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SourceReport {
    /// An empty report for a source.
    pub fn new(origin: impl Into<String>, kind: SourceKind) -> Self {
        Self {
            origin: origin.into(),
            kind,
            read: 0,
            accepted: 0,
            rejected: 0,
            flagged: 0,
            merged: 0,
            error: None,
        }
    }
}

/// Counts over every source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Records read.
    pub read: usize,
    /// Records accepted.
    pub accepted: usize,
    /// Records rejected.
    pub rejected: usize,
    /// Accepted records with at least one warning.
    pub flagged: usize,
    /// Records merged into another.
    pub merged: usize,
    /// Organisations out (accepted − merged).
    pub organisations: usize,
    /// Sources that could not be read.
    pub failed_sources: usize,
}

/// One quality issue of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Origin of the source.
    pub source: String,
    /// Id of the record in its source, when known.
    pub record_id: Option<String>,
    /// Fixture case, when the record came from a fixture line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Source field.
    pub field: String,
    /// Stable code.
    pub code: QualityCode,
    /// Severity.
    pub severity: Severity,
    /// What was found and done.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic from an issue.
    pub fn new(
        source: &str,
        record_id: Option<&str>,
        case: Option<&str>,
        issue: &QualityIssue,
    ) -> Self {
        Self {
            source: source.to_owned(),
            record_id: record_id.map(str::to_owned),
            case: case.map(str::to_owned),
            field: issue.field.clone(),
            code: issue.code,
            severity: issue.severity,
            message: issue.message.clone(),
        }
    }
}

/// A source record seen as deleted (a harvest's non-200 ids).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// Source system.
    pub system: SourceSystem,
    /// Id in the source.
    pub id: String,
    /// The manifest that reported it.
    pub origin: String,
}

/// The report of one import run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// When the run started.
    pub started_at: DateTime<Utc>,
    /// Run time, milliseconds.
    pub elapsed_ms: u64,
    /// One entry per source read.
    pub sources: Vec<SourceReport>,
    /// Totals.
    pub totals: Totals,
    /// Every issue of every record, rejected ones included.
    pub diagnostics: Vec<Diagnostic>,
    /// Deleted source ids.
    pub tombstones: Vec<Tombstone>,
}

impl IngestReport {
    /// Sums the per-source counts into the totals.
    pub fn compute_totals(&mut self) {
        let mut totals = Totals::default();
        for source in &self.sources {
            totals.read += source.read;
            totals.accepted += source.accepted;
            totals.rejected += source.rejected;
            totals.flagged += source.flagged;
            totals.merged += source.merged;
            totals.failed_sources += usize::from(source.error.is_some());
        }
        totals.organisations = totals.accepted - totals.merged.min(totals.accepted);
        self.totals = totals;
    }

    /// Diagnostics with a given code.
    pub fn with_code(&self, code: QualityCode) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// True when a source could not be read.
    pub fn has_failed_sources(&self) -> bool {
        self.sources.iter().any(|source| source.error.is_some())
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
    }
}
