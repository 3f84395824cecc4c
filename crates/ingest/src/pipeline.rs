//! The import pipeline: read sources, normalise, tag, derive needs, deduplicate, report.

use crate::dedup;
use crate::draft::{Draft, Parsed, SourceContext};
use crate::harvest::HarvestManifest;
use crate::http::{HttpClient, HttpOptions};
use crate::importers;
use crate::limits::SourceLimits;
use crate::needs;
use crate::report::{Diagnostic, IngestReport, SourceReport, Tombstone};
use crate::source::{self, SourceKind};
use crate::tagging;
use chrono::{DateTime, NaiveDate, Utc};
use orienta_model::{Organisation, Severity, SourceSystem};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Options of an import run.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// HTTP settings for URL sources.
    pub http: HttpOptions,
    /// The date staleness is measured from (today when `None`).
    pub today: Option<NaiveDate>,
    /// Keep records apart instead of merging duplicates.
    pub no_dedup: bool,
    /// Bounds on sources: bytes, records, field lengths.
    pub limits: SourceLimits,
}

/// What the pipeline needs: the territory tagger and the thesaurus.
pub struct IngestContext<'a> {
    /// Territory tagger.
    pub tagger: &'a Tagger,
    /// Needs thesaurus.
    pub thesaurus: &'a Thesaurus,
    /// Options.
    pub options: IngestOptions,
}

impl<'a> IngestContext<'a> {
    /// A context with default options.
    pub fn new(tagger: &'a Tagger, thesaurus: &'a Thesaurus) -> Self {
        Self {
            tagger,
            thesaurus,
            options: IngestOptions::default(),
        }
    }

    /// The same context with other source limits.
    pub fn with_limits(mut self, limits: SourceLimits) -> Self {
        self.options.limits = limits;
        self
    }
}

/// Progress of a run, reported from the calling thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressEvent {
    /// A source was read and split into records.
    SourceRead {
        /// Origin.
        origin: String,
        /// Kind.
        kind: SourceKind,
        /// Records read.
        records: usize,
    },
    /// A source could not be read.
    SourceFailed {
        /// Origin.
        origin: String,
        /// Why.
        error: String,
    },
    /// Records tagged so far.
    Tagged {
        /// Done.
        done: usize,
        /// Total.
        total: usize,
    },
    /// Duplicates merged.
    Deduplicated {
        /// Organisations left.
        organisations: usize,
        /// Records merged.
        merged: usize,
    },
}

/// The organisations and the report of a run.
#[derive(Debug, Clone)]
pub struct IngestOutcome {
    /// Organisations, sorted by id.
    pub organisations: Vec<Organisation>,
    /// The report.
    pub report: IngestReport,
}

/// Records tagged between two progress events.
const TAG_CHUNK: usize = 8192;

/// Imports every source: files, directories or http(s) URLs, kind detected from content.
pub fn ingest(
    sources: &[String],
    context: &IngestContext<'_>,
    progress: &dyn Fn(ProgressEvent),
) -> IngestOutcome {
    let started = std::time::Instant::now();
    let started_at = Utc::now();
    let today = context
        .options
        .today
        .unwrap_or_else(|| started_at.date_naive());
    let mut report = IngestReport {
        started_at,
        elapsed_ms: 0,
        sources: Vec::new(),
        totals: Default::default(),
        diagnostics: Vec::new(),
        tombstones: Vec::new(),
    };
    let client: OnceLock<Option<Arc<HttpClient>>> = OnceLock::new();
    let http = || {
        client
            .get_or_init(|| {
                HttpClient::new(context.options.http.clone())
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    };
    // Drafts stay boxed as the importers made them: a vector of kilobyte drafts would be
    // a hundred megabytes of fresh memory at 100k, and every draft copied into it.
    let mut drafts: Vec<(usize, Box<Draft>)> = Vec::new();
    for source in sources {
        let loaded = match source::load(source, &context.options.limits, http) {
            Ok(loaded) => loaded,
            Err(error) => {
                tracing::warn!(source, %error, "source skipped");
                let mut failed = SourceReport::new(source.clone(), SourceKind::Unknown);
                failed.error = Some(error.to_string());
                progress(ProgressEvent::SourceFailed {
                    origin: source.clone(),
                    error: error.to_string(),
                });
                report.sources.push(failed);
                continue;
            }
        };
        tracing::debug!(
            source,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "source loaded"
        );
        let fetched_at = manifest_time(&loaded).unwrap_or(started_at);
        for loaded_source in loaded {
            if loaded_source.kind == SourceKind::HarvestManifest {
                read_manifest(
                    &loaded_source.origin,
                    &loaded_source.body,
                    &mut report.tombstones,
                );
                continue;
            }
            let mut source_report =
                SourceReport::new(loaded_source.origin.clone(), loaded_source.kind);
            if loaded_source.kind == SourceKind::Unknown {
                source_report.error = Some(
                    "unrecognised source: not social.brussels, partner CSV, HSDS or hospital sites"
                        .to_owned(),
                );
                progress(ProgressEvent::SourceFailed {
                    origin: loaded_source.origin.clone(),
                    error: "unrecognised source".to_owned(),
                });
                report.sources.push(source_report);
                continue;
            }
            let source_context = SourceContext {
                origin: &loaded_source.origin,
                fetched_at,
                today,
                thesaurus: context.thesaurus,
            };
            let parsed =
                match importers::read(&loaded_source, &source_context, &context.options.limits) {
                    Ok(parsed) => parsed,
                    Err(error) => {
                        tracing::warn!(origin = %loaded_source.origin, %error, "source skipped");
                        progress(ProgressEvent::SourceFailed {
                            origin: loaded_source.origin.clone(),
                            error: error.clone(),
                        });
                        source_report.error = Some(error);
                        report.sources.push(source_report);
                        continue;
                    }
                };
            let source_index = report.sources.len();
            source_report.read = parsed.len();
            drafts.reserve(parsed.len());
            for record in parsed {
                match record {
                    Parsed::Accepted(draft) => {
                        source_report.accepted += 1;
                        drafts.push((source_index, draft));
                    }
                    Parsed::Rejected(rejection) => {
                        source_report.rejected += 1;
                        report.diagnostics.push(Diagnostic::new(
                            &loaded_source.origin,
                            rejection.record_id.as_deref(),
                            rejection.case.as_deref(),
                            &rejection.issue,
                        ));
                    }
                }
            }
            tracing::info!(origin = %loaded_source.origin, kind = ?loaded_source.kind, read = source_report.read, accepted = source_report.accepted, "source read");
            progress(ProgressEvent::SourceRead {
                origin: loaded_source.origin.clone(),
                kind: loaded_source.kind,
                records: source_report.read,
            });
            report.sources.push(source_report);
        }
    }

    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "sources parsed"
    );
    let total = drafts.len();
    let category_needs = needs::CategoryNeeds::build(
        drafts
            .iter()
            .flat_map(|(_, draft)| &draft.organisation.categories),
        context.thesaurus,
    );
    for (chunk_index, chunk) in drafts.chunks_mut(TAG_CHUNK).enumerate() {
        chunk.par_iter_mut().for_each(|(_, draft)| {
            tagging::tag(draft, context.tagger);
            needs::assign(
                &mut draft.organisation,
                &draft.given_needs,
                context.thesaurus,
                &category_needs,
            );
        });
        progress(ProgressEvent::Tagged {
            done: (chunk_index * TAG_CHUNK + chunk.len()).min(total),
            total,
        });
    }

    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "records tagged"
    );
    for (source_index, draft) in &drafts {
        let flagged = draft
            .organisation
            .quality
            .iter()
            .any(|issue| issue.severity >= Severity::Warning);
        if flagged {
            report.sources[*source_index].flagged += 1;
        }
    }
    // Four diagnostics per record, each three strings: built on every core, in order.
    let origins: Vec<String> = report
        .sources
        .iter()
        .map(|source| source.origin.clone())
        .collect();
    report
        .diagnostics
        .par_extend(drafts.par_iter().flat_map_iter(|(source_index, draft)| {
            let organisation = &draft.organisation;
            let origin = origins[*source_index].as_str();
            let record_id = organisation.primary_source().id.as_str();
            organisation.quality.iter().map(move |issue| {
                Diagnostic::new(origin, Some(record_id), draft.case.as_deref(), issue)
            })
        }));

    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "diagnostics gathered"
    );
    let cases: HashMap<(usize, String), String> = drafts
        .iter()
        .filter_map(|(index, draft)| {
            let case = draft.case.clone()?;
            Some((
                (*index, draft.organisation.primary_source().id.clone()),
                case,
            ))
        })
        .collect();
    // Moving a hundred thousand organisations out of their drafts and freeing the rest
    // of each draft is memory-bound work: done on every core.
    let records: Vec<(usize, Organisation)> = drafts
        .into_par_iter()
        .map(|(index, draft)| (index, draft.organisation))
        .collect();
    let organisations = if context.options.no_dedup {
        records
            .into_iter()
            .map(|(_, organisation)| organisation)
            .collect::<Vec<_>>()
    } else {
        let deduplicated = dedup::deduplicate(records);
        for source_index in &deduplicated.merged_sources {
            report.sources[*source_index].merged += 1;
        }
        let merged = deduplicated.merged_sources.len();
        for (source_index, organisation) in &deduplicated.organisations {
            let origin = &report.sources[*source_index].origin;
            for issue in organisation
                .quality
                .iter()
                .filter(|issue| is_dedup_issue(issue.code))
            {
                let record_id = &organisation.primary_source().id;
                let case = cases
                    .get(&(*source_index, record_id.clone()))
                    .map(String::as_str);
                report
                    .diagnostics
                    .push(Diagnostic::new(origin, Some(record_id), case, issue));
            }
        }
        progress(ProgressEvent::Deduplicated {
            organisations: deduplicated.organisations.len(),
            merged,
        });
        deduplicated
            .organisations
            .into_iter()
            .map(|(_, organisation)| organisation)
            .collect()
    };
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "records deduplicated"
    );
    let organisations = sorted_by_id(organisations);
    report.compute_totals();
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    IngestOutcome {
        organisations,
        report,
    }
}

/// Organisations in id order (ties in their order), each moved once: an organisation is
/// a large value, and sorting them in place moved every one a dozen times or more.
fn sorted_by_id(organisations: Vec<Organisation>) -> Vec<Organisation> {
    let mut order: Vec<usize> = (0..organisations.len()).collect();
    order.sort_by(|&a, &b| organisations[a].id.cmp(&organisations[b].id));
    let mut slots: Vec<Option<Organisation>> = organisations.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|index| slots[index].take())
        .collect()
}

fn is_dedup_issue(code: orienta_model::QualityCode) -> bool {
    matches!(
        code,
        orienta_model::QualityCode::Merged | orienta_model::QualityCode::DuplicateCandidate
    )
}

/// The fetch time of a harvest directory, from its manifest.
fn manifest_time(loaded: &[source::LoadedSource]) -> Option<DateTime<Utc>> {
    loaded
        .iter()
        .find(|source| source.kind == SourceKind::HarvestManifest)
        .and_then(|source| serde_json::from_str::<HarvestManifest>(&source.body).ok())
        .map(|manifest| manifest.fetched_at)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{empty_organisation, SourceContext};

    #[test]
    fn organisations_sorted_by_id_keep_ties_in_order() {
        let thesaurus = Thesaurus::bundled();
        let context = SourceContext {
            origin: "test",
            fetched_at: Utc::now(),
            today: Utc::now().date_naive(),
            thesaurus: &thesaurus,
        };
        let organisation = |id: &str, source_id: &str| {
            let source = context.provenance(SourceSystem::SocialBrussels, source_id, None, "{}");
            let mut organisation = empty_organisation(source, true);
            organisation.id = id.to_owned();
            organisation
        };
        let organisations = vec![
            organisation("c", "1"),
            organisation("a", "2"),
            organisation("b", "3"),
            organisation("a", "4"),
        ];
        let sorted: Vec<(String, String)> = sorted_by_id(organisations)
            .into_iter()
            .map(|organisation| (organisation.id.clone(), organisation.sources[0].id.clone()))
            .collect();
        let expected = [("a", "2"), ("a", "4"), ("b", "3"), ("c", "1")]
            .map(|(id, source)| (id.to_owned(), source.to_owned()));
        assert_eq!(sorted, expected);
    }
}
