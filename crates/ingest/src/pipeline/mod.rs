//! The import pipeline: read sources, normalise, tag, derive needs, deduplicate, report.

mod read;

use crate::dedup;
use crate::draft::Draft;
use crate::http::{HttpClient, HttpOptions};
use crate::limits::SourceLimits;
use crate::needs;
use crate::report::{Diagnostic, IngestReport};
use crate::service_area;
use crate::source::SourceKind;
use crate::tagging;
use chrono::{DateTime, NaiveDate, Utc};
use orienta_model::{Organisation, Severity};
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

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
    let mut run = Run::start(context, progress);
    let mut drafts = run.read_sources(sources);
    run.log("sources parsed");
    run.tag_and_assign_needs(&mut drafts);
    run.log("records tagged");
    run.gather_diagnostics(&drafts);
    run.log("diagnostics gathered");
    let organisations = run.deduplicate(drafts);
    run.log("records deduplicated");
    let organisations = sorted_by_id(organisations);
    let mut report = run.report;
    report.compute_totals();
    report.elapsed_ms = run.started.elapsed().as_millis() as u64;
    IngestOutcome {
        organisations,
        report,
    }
}

/// A draft with the index of its source in the report.
///
/// Drafts stay boxed as the importers made them: a vector of kilobyte drafts would be a
/// hundred megabytes of fresh memory at 100k, and every draft copied into it.
type SourcedDraft = (usize, Box<Draft>);

/// One run of the pipeline: what it was given, when it started, the report it fills.
struct Run<'a> {
    /// Tagger, thesaurus and options.
    context: &'a IngestContext<'a>,
    /// Where progress goes.
    progress: &'a dyn Fn(ProgressEvent),
    /// When the run started, for timings.
    started: Instant,
    /// When the run started, the fetch time of sources without a manifest.
    started_at: DateTime<Utc>,
    /// The date staleness is measured from.
    today: NaiveDate,
    /// The HTTP client, made at the first URL source.
    client: OnceLock<Option<Arc<HttpClient>>>,
    /// The report being filled.
    report: IngestReport,
}

impl<'a> Run<'a> {
    /// A run starting now with an empty report.
    fn start(context: &'a IngestContext<'a>, progress: &'a dyn Fn(ProgressEvent)) -> Self {
        let started = Instant::now();
        let started_at = Utc::now();
        let today = context
            .options
            .today
            .unwrap_or_else(|| started_at.date_naive());
        let report = IngestReport {
            started_at,
            elapsed_ms: 0,
            sources: Vec::new(),
            totals: Default::default(),
            diagnostics: Vec::new(),
            tombstones: Vec::new(),
        };
        Run {
            context,
            progress,
            started,
            started_at,
            today,
            client: OnceLock::new(),
            report,
        }
    }

    /// Logs the end of a phase with the time elapsed since the start.
    fn log(&self, phase: &'static str) {
        tracing::debug!(
            elapsed_ms = self.started.elapsed().as_millis() as u64,
            "{phase}"
        );
    }

    /// The HTTP client (`None` when it cannot be built), made once.
    fn http(&self) -> Option<Arc<HttpClient>> {
        self.client
            .get_or_init(|| {
                HttpClient::new(self.context.options.http.clone())
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// Tags every draft's locations and assigns its needs, in parallel chunks with
    /// progress after each.
    fn tag_and_assign_needs(&self, drafts: &mut [SourcedDraft]) {
        let context = self.context;
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
                service_area::assign(&mut draft.organisation, context.tagger);
                needs::assign(
                    &mut draft.organisation,
                    &draft.given_needs,
                    context.thesaurus,
                    &category_needs,
                );
            });
            (self.progress)(ProgressEvent::Tagged {
                done: (chunk_index * TAG_CHUNK + chunk.len()).min(total),
                total,
            });
        }
    }

    /// Counts the flagged records per source and reports every record's issues.
    fn gather_diagnostics(&mut self, drafts: &[SourcedDraft]) {
        let report = &mut self.report;
        for (source_index, draft) in drafts {
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
    }

    /// The organisations of the drafts, duplicates merged unless the options say not to.
    fn deduplicate(&mut self, drafts: Vec<SourcedDraft>) -> Vec<Organisation> {
        let cases: Cases = drafts
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
        if self.context.options.no_dedup {
            return records
                .into_iter()
                .map(|(_, organisation)| organisation)
                .collect::<Vec<_>>();
        }
        let deduplicated = dedup::deduplicate(records);
        for source_index in &deduplicated.merged_sources {
            self.report.sources[*source_index].merged += 1;
        }
        let merged = deduplicated.merged_sources.len();
        self.report_merges(&deduplicated.organisations, &cases);
        (self.progress)(ProgressEvent::Deduplicated {
            organisations: deduplicated.organisations.len(),
            merged,
        });
        deduplicated
            .organisations
            .into_iter()
            .map(|(_, organisation)| organisation)
            .collect()
    }

    /// Reports the merge and duplicate-candidate issues deduplication added.
    fn report_merges(&mut self, organisations: &[(usize, Organisation)], cases: &Cases) {
        let report = &mut self.report;
        for (source_index, organisation) in organisations {
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
    }
}

/// The fixture case of a record, by source index and record id.
type Cases = HashMap<(usize, String), String>;

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

/// Whether an issue comes from deduplication.
fn is_dedup_issue(code: orienta_model::QualityCode) -> bool {
    matches!(
        code,
        orienta_model::QualityCode::Merged | orienta_model::QualityCode::DuplicateCandidate
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{empty_organisation, SourceContext};
    use orienta_model::SourceSystem;

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
