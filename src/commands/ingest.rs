//! `orienta ingest`: sources → canonical tagged records → a new index version.

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use orienta_ingest::{
    HttpOptions, IngestContext, IngestOptions, IngestReport, ProgressEvent, SourceLimits,
};
use orienta_publish::{PublishError, PublishOptions, Published};
use orienta_search::LockWait;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Arguments of `orienta ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, directories or http(s) URLs; the bundled data set when none is given.
    sources: Vec<String>,
    /// Index root directory (a new version is built inside it).
    #[arg(long, default_value = "index", env = "ORIENTA_INDEX")]
    index: PathBuf,
    /// Where to write the JSON report (default: <index>/ingest-report.json).
    #[arg(long)]
    report: Option<PathBuf>,
    /// Data directory (bundled data, optional QSS table).
    #[arg(long, env = "ORIENTA_DATA")]
    data: Option<PathBuf>,
    /// Only import and report; do not build an index version.
    #[arg(long)]
    no_index: bool,
    /// Largest share (0–1) of the serving version's records the new version may lose.
    #[arg(long, default_value_t = orienta_publish::DEFAULT_MAX_SHRINK, value_parser = parse_share)]
    max_shrink: f64,
    /// Publish even when more than --max-shrink of the records would go.
    #[arg(long)]
    allow_shrink: bool,
    /// Wait for another import into the same index to finish instead of failing.
    #[arg(long)]
    wait_lock: bool,
    /// Seconds allowed for a whole HTTP response of a URL source.
    #[arg(long, default_value_t = 30)]
    http_timeout: u64,
    /// Retries of a URL source after a connection error, 5xx or 429.
    #[arg(long, default_value_t = 3)]
    http_retries: u32,
    /// Bytes read from one file or URL response at most; a larger source fails as a whole.
    #[arg(long, default_value_t = orienta_ingest::DEFAULT_MAX_SOURCE_BYTES)]
    max_source_bytes: u64,
    /// Records read from one source at most; a source with more fails as a whole.
    #[arg(long, default_value_t = SourceLimits::default().max_records)]
    max_records: usize,
    /// Characters of a free text (description, remark…) at most; longer ones are cut with a
    /// `field_truncated` diagnostic.
    #[arg(long, default_value_t = SourceLimits::default().max_text_chars)]
    max_text_chars: usize,
}

fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err(format!(
            "expected a share between 0 and 1, like 0.2, not `{text}`"
        )),
    }
}

/// Imports `sources` and, unless `options.no_index`, publishes a new index version under
/// `index_root` (see [`orienta_publish::ingest_and_index`]) with the `import` options,
/// loading the tagger and thesaurus from `data_dir` and showing progress on the terminal
/// when asked.
pub fn ingest_and_index(
    sources: &[String],
    index_root: &Path,
    data_dir: &Path,
    options: &PublishOptions,
    import: IngestOptions,
    show_progress: bool,
) -> anyhow::Result<Published> {
    let (tagger, thesaurus) = load_tagger_and_thesaurus(data_dir);
    let tagger = tagger.context("cannot load the territory layers")?;
    let mut context = IngestContext::new(&tagger, &thesaurus);
    context.options = import;
    Ok(publish(
        sources,
        &context,
        index_root,
        options,
        show_progress,
    )?)
}

/// Runs [`orienta_publish::ingest_and_index`] in the allocator's batch mode, with a
/// progress bar when asked; the imported records are freed in the background.
pub fn publish(
    sources: &[String],
    context: &IngestContext<'_>,
    index_root: &Path,
    options: &PublishOptions,
    show_progress: bool,
) -> Result<Published, PublishError> {
    let batch = orienta_allocator::batch_mode();
    let bar = progress_bar(show_progress);
    let on_progress = |event: ProgressEvent| match event {
        ProgressEvent::SourceRead {
            origin, records, ..
        } => {
            bar.println(format!("read {records} records from {origin}"));
        }
        ProgressEvent::SourceFailed { origin, error } => {
            bar.println(format!("cannot read {origin}: {error}"));
        }
        ProgressEvent::Tagged { done, total } => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
        ProgressEvent::Deduplicated { .. } => bar.set_message("deduplicated"),
    };
    let outcome =
        orienta_publish::ingest_and_index(sources, context, index_root, options, &on_progress);
    bar.finish_and_clear();
    drop(batch);
    let mut published = outcome?;
    // Freeing a hundred thousand records takes a second: a server frees them in the
    // background, a finished command exits without waiting.
    let organisations = std::mem::take(&mut published.organisations);
    std::thread::spawn(move || drop(organisations));
    Ok(published)
}

/// Writes the report as indented JSON, streamed to the file (a 100k import's report is a
/// hundred megabytes: it is not built in memory first).
fn write_report(path: &Path, report: &IngestReport) -> anyhow::Result<()> {
    let mut writer = std::io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer_pretty(&mut writer, report)?;
    writer.flush()?;
    Ok(())
}

/// The territory layers and the thesaurus, built side by side.
pub fn load_tagger_and_thesaurus(
    data_dir: &Path,
) -> (Result<Tagger, orienta_territory::TerritoryError>, Thesaurus) {
    std::thread::scope(|scope| {
        let thesaurus = scope.spawn(Thesaurus::bundled);
        let tagger = Tagger::load(data_dir);
        let thesaurus = thesaurus
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (tagger, thesaurus)
    })
}

fn progress_bar(show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} tagging {pos}/{len} {wide_bar} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Prints the per-source summary table.
pub fn print_summary(report: &IngestReport) {
    println!(
        "{:<60} {:>8} {:>9} {:>9} {:>8} {:>7}",
        "source", "read", "accepted", "rejected", "flagged", "merged"
    );
    for source in &report.sources {
        let origin = shorten(&source.origin, 60);
        println!(
            "{:<60} {:>8} {:>9} {:>9} {:>8} {:>7}",
            origin, source.read, source.accepted, source.rejected, source.flagged, source.merged
        );
        if let Some(error) = &source.error {
            println!("  error: {error}");
        }
    }
    let totals = &report.totals;
    println!(
        "{:<60} {:>8} {:>9} {:>9} {:>8} {:>7}",
        "total", totals.read, totals.accepted, totals.rejected, totals.flagged, totals.merged
    );
}

fn shorten(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_owned();
    }
    let tail: String = text.chars().skip(count - (width - 1)).collect();
    format!("…{tail}")
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let data_dir = crate::data::data_dir(args.data.as_deref());
    let sources = if args.sources.is_empty() {
        crate::data::default_sources(&data_dir)
    } else {
        args.sources.clone()
    };
    let options = PublishOptions {
        max_shrink: args.max_shrink,
        allow_shrink: args.allow_shrink,
        lock_wait: if args.wait_lock {
            LockWait::Wait
        } else {
            LockWait::Fail
        },
        no_index: args.no_index,
    };
    let import = IngestOptions {
        http: HttpOptions {
            read_timeout: Duration::from_secs(args.http_timeout),
            retries: args.http_retries,
            ..HttpOptions::default()
        },
        limits: SourceLimits {
            max_source_bytes: args.max_source_bytes,
            max_records: args.max_records,
            max_text_chars: args.max_text_chars,
            ..SourceLimits::default()
        },
        ..IngestOptions::default()
    };
    let show_progress = std::io::stderr().is_terminal();
    let outcome = ingest_and_index(
        &sources,
        &args.index,
        &data_dir,
        &options,
        import,
        show_progress,
    )?;
    print_summary(&outcome.report);
    let report_path = args
        .report
        .clone()
        .unwrap_or_else(|| args.index.join("ingest-report.json"));
    if let Some(parent) = report_path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_report(&report_path, &outcome.report)
        .with_context(|| format!("cannot write {}", report_path.display()))?;
    println!(
        "{} diagnostics written to {}",
        outcome.report.diagnostics.len(),
        report_path.display()
    );
    if let Some(build) = &outcome.build {
        println!(
            "index version {} published: {} organisations, {} documents, {} changes",
            build.manifest.version,
            build.manifest.organisations,
            build.manifest.documents,
            build.changes
        );
    }
    Ok(())
}
