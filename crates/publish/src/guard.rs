//! The publishing guard: a version is published only from sources that were read, and
//! never silently loses a large share of the serving version's records.

use crate::{PublishError, PublishOptions};
use orienta_ingest::IngestReport;
use orienta_model::Organisation;
use orienta_search::{changes, versions};
use std::path::Path;

/// Default largest share of the serving records a new version may lose (20 %).
pub const DEFAULT_MAX_SHRINK: f64 = 0.2;

/// Refuses an import whose sources all failed, that read no record, or that kept none.
pub fn check_read(report: &IngestReport, organisations: usize) -> Result<(), PublishError> {
    let failures: Vec<String> = report
        .sources
        .iter()
        .filter_map(|source| {
            let error = source.error.as_deref()?;
            Some(format!("{}: {error}", source.origin))
        })
        .collect();
    let reason = if report.sources.is_empty() {
        "no source given".to_owned()
    } else if failures.len() == report.sources.len() {
        format!("no source could be read ({})", failures.join("; "))
    } else if report.totals.read == 0 {
        "the sources hold no record (empty, or not in a format Orienta reads)".to_owned()
    } else if organisations == 0 {
        format!(
            "none of the {} records read was accepted (wrong delimiter or format?)",
            report.totals.read
        )
    } else {
        return Ok(());
    };
    tracing::error!(%reason, "import refused: nothing to publish");
    Err(PublishError::NothingRead { reason })
}

/// Refuses a version that would lose more than `options.max_shrink` of the records the
/// serving version has, unless `options.allow_shrink`. A first version is never refused.
pub fn check_shrink(
    index_root: &Path,
    organisations: &[Organisation],
    options: &PublishOptions,
) -> Result<(), PublishError> {
    let Some(serving_dir) = versions::current_dir(index_root) else {
        return Ok(());
    };
    let serving_ids = changes::read_digest(&serving_dir);
    let (serving, lost) = if serving_ids.is_empty() {
        let serving = versions::read_manifest(&serving_dir).map_or(0, |m| m.organisations);
        (serving, serving.saturating_sub(organisations.len()))
    } else {
        let mut new_ids: Vec<&str> = organisations.iter().map(|o| o.id.as_str()).collect();
        new_ids.sort_unstable();
        let lost = serving_ids
            .keys()
            .filter(|id| new_ids.binary_search(&id.as_str()).is_err())
            .count();
        (serving_ids.len(), lost)
    };
    if serving == 0 || (lost as f64) <= options.max_shrink * serving as f64 {
        return Ok(());
    }
    if options.allow_shrink {
        tracing::warn!(
            serving,
            lost,
            new = organisations.len(),
            "publishing a smaller version: allowed by allow_shrink"
        );
        return Ok(());
    }
    Err(PublishError::WouldShrink {
        serving,
        new: organisations.len(),
        lost,
        allowed_percent: options.max_shrink * 100.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use orienta_ingest::{SourceKind, SourceReport};

    fn report(sources: Vec<SourceReport>) -> IngestReport {
        let mut report = IngestReport {
            started_at: Default::default(),
            elapsed_ms: 0,
            sources,
            totals: Default::default(),
            diagnostics: Vec::new(),
            tombstones: Vec::new(),
        };
        report.totals.read = report.sources.iter().map(|source| source.read).sum();
        report
    }

    #[test]
    fn imports_with_nothing_read_are_refused_with_the_reason() {
        let mut missing = SourceReport::new("/data/missing.ndjson", SourceKind::Unknown);
        missing.error = Some("cannot open".to_owned());
        let error = check_read(&report(vec![missing]), 0).unwrap_err();
        assert_eq!(error.code(), "nothing_read");
        assert!(error
            .to_string()
            .contains("/data/missing.ndjson: cannot open"));

        let empty = SourceReport::new("/data/empty.ndjson", SourceKind::SocialBrussels);
        assert!(check_read(&report(vec![empty]), 0).is_err());

        let mut rejected = SourceReport::new("/data/pipes.csv", SourceKind::PartnerCsv);
        rejected.read = 12;
        let error = check_read(&report(vec![rejected.clone()]), 0).unwrap_err();
        assert!(error.to_string().contains("none of the 12 records"));
        assert!(check_read(&report(vec![rejected]), 12).is_ok());
    }
}
