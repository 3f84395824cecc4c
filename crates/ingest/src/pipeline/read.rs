//! The first phase: load each source, detect its kind, read its records into drafts.

use super::{ProgressEvent, Run, SourcedDraft};
use crate::draft::{Parsed, SourceContext};
use crate::harvest::HarvestManifest;
use crate::importers;
use crate::report::{Diagnostic, SourceReport, Tombstone};
use crate::source::{self, LoadedSource, SourceKind};
use chrono::{DateTime, Utc};
use orienta_model::SourceSystem;

impl Run<'_> {
    /// Reads every source into drafts, each with the index of its source in the report.
    pub(super) fn read_sources(&mut self, sources: &[String]) -> Vec<SourcedDraft> {
        let mut drafts: Vec<SourcedDraft> = Vec::new();
        for source in sources {
            let loaded = match source::load(source, &self.context.options.limits, || self.http()) {
                Ok(loaded) => loaded,
                Err(error) => {
                    tracing::warn!(source, %error, "source skipped");
                    let mut failed = SourceReport::new(source.clone(), SourceKind::Unknown);
                    failed.error = Some(error.to_string());
                    (self.progress)(ProgressEvent::SourceFailed {
                        origin: source.clone(),
                        error: error.to_string(),
                    });
                    self.report.sources.push(failed);
                    continue;
                }
            };
            tracing::debug!(
                source,
                elapsed_ms = self.started.elapsed().as_millis() as u64,
                "source loaded"
            );
            let fetched_at = manifest_time(&loaded).unwrap_or(self.started_at);
            for loaded_source in loaded {
                self.read_loaded(&loaded_source, fetched_at, &mut drafts);
            }
        }
        drafts
    }

    /// Reads one loaded source: a harvest manifest's tombstones, or its records.
    fn read_loaded(
        &mut self,
        loaded_source: &LoadedSource,
        fetched_at: DateTime<Utc>,
        drafts: &mut Vec<SourcedDraft>,
    ) {
        if loaded_source.kind == SourceKind::HarvestManifest {
            read_manifest(
                &loaded_source.origin,
                &loaded_source.body,
                &mut self.report.tombstones,
            );
            return;
        }
        let mut source_report = SourceReport::new(loaded_source.origin.clone(), loaded_source.kind);
        if loaded_source.kind == SourceKind::Unknown {
            source_report.error = Some(
                "unrecognised source: not social.brussels, partner CSV, HSDS or hospital sites"
                    .to_owned(),
            );
            (self.progress)(ProgressEvent::SourceFailed {
                origin: loaded_source.origin.clone(),
                error: "unrecognised source".to_owned(),
            });
            self.report.sources.push(source_report);
            return;
        }
        let source_context = SourceContext {
            origin: &loaded_source.origin,
            fetched_at,
            today: self.today,
            thesaurus: self.context.thesaurus,
        };
        let parsed =
            match importers::read(loaded_source, &source_context, &self.context.options.limits) {
                Ok(parsed) => parsed,
                Err(error) => {
                    tracing::warn!(origin = %loaded_source.origin, %error, "source skipped");
                    (self.progress)(ProgressEvent::SourceFailed {
                        origin: loaded_source.origin.clone(),
                        error: error.clone(),
                    });
                    source_report.error = Some(error);
                    self.report.sources.push(source_report);
                    return;
                }
            };
        self.keep_records(loaded_source, parsed, source_report, drafts);
    }

    /// Keeps the accepted records as drafts and reports the rejected ones.
    fn keep_records(
        &mut self,
        loaded_source: &LoadedSource,
        parsed: Vec<Parsed>,
        mut source_report: SourceReport,
        drafts: &mut Vec<SourcedDraft>,
    ) {
        let source_index = self.report.sources.len();
        source_report.read = parsed.len();
        drafts.reserve(parsed.len());
        for record in parsed {
            match record {
                Parsed::Accepted(mut draft) => {
                    source_report.accepted += 1;
                    crate::fictitious::unlink(&mut draft.organisation);
                    drafts.push((source_index, draft));
                }
                Parsed::Rejected(rejection) => {
                    source_report.rejected += 1;
                    self.report.diagnostics.push(Diagnostic::new(
                        &loaded_source.origin,
                        rejection.record_id.as_deref(),
                        rejection.case.as_deref(),
                        &rejection.issue,
                    ));
                }
            }
        }
        tracing::info!(origin = %loaded_source.origin, kind = ?loaded_source.kind, read = source_report.read, accepted = source_report.accepted, "source read");
        (self.progress)(ProgressEvent::SourceRead {
            origin: loaded_source.origin.clone(),
            kind: loaded_source.kind,
            records: source_report.read,
        });
        self.report.sources.push(source_report);
    }
}

/// The fetch time of a harvest directory, from its manifest.
fn manifest_time(loaded: &[LoadedSource]) -> Option<DateTime<Utc>> {
    loaded
        .iter()
        .find(|source| source.kind == SourceKind::HarvestManifest)
        .and_then(|source| serde_json::from_str::<HarvestManifest>(&source.body).ok())
        .map(|manifest| manifest.fetched_at)
}

/// Adds the deletions a harvest manifest lists to the tombstones.
fn read_manifest(origin: &str, body: &str, tombstones: &mut Vec<Tombstone>) {
    match serde_json::from_str::<HarvestManifest>(body) {
        Ok(manifest) => tombstones.extend(manifest.deleted_ids.into_iter().map(|id| Tombstone {
            system: SourceSystem::SocialBrussels,
            id,
            origin: origin.to_owned(),
        })),
        Err(error) => tracing::warn!(origin, %error, "unreadable harvest manifest"),
    }
}
