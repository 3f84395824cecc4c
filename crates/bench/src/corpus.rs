//! The benchmark corpus: synthetic records generated, ingested (tagged, deduplicated) and
//! indexed exactly as `orienta sample` + `orienta ingest` do.

use anyhow::Context;
use orienta_ingest::{ingest, IngestContext};
use orienta_model::Organisation;
use orienta_territory::Tagger;
use orienta_thesaurus::Thesaurus;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The seed of every benchmark corpus.
pub const SEED: u64 = 20261127;

/// Canonical, tagged records of one size.
pub struct Corpus {
    /// The generated NDJSON file.
    pub ndjson: PathBuf,
    /// The organisations after ingestion.
    pub organisations: Vec<Organisation>,
    /// Time to generate the NDJSON.
    pub generate_time: Duration,
    /// Time to import, tag and deduplicate.
    pub ingest_time: Duration,
}

/// A published index version.
pub struct BuiltIndex {
    /// The index root (pass it to `IndexHandle::open` or `orienta serve --index`).
    pub root: PathBuf,
    /// Wall time of `build_version`.
    pub build_time: Duration,
    /// Size on disk of the version directory.
    pub disk_bytes: u64,
    /// Documents (organisation × location).
    pub documents: u64,
}

/// Generates `size` records into `work_dir` and ingests them.
pub fn prepare(work_dir: &Path, size: usize) -> anyhow::Result<Corpus> {
    fs::create_dir_all(work_dir)?;
    let ndjson = work_dir.join(format!("sample-{size}.ndjson"));
    let started = Instant::now();
    let file =
        fs::File::create(&ndjson).with_context(|| format!("cannot create {}", ndjson.display()))?;
    let mut writer = BufWriter::new(file);
    orienta_sample::write_ndjson(&mut writer, size, SEED)?;
    writer.flush()?;
    let generate_time = started.elapsed();

    // Batch mode like the `orienta ingest` command (freed memory stays in the process).
    let batch = orienta_allocator::batch_mode();
    let started = Instant::now();
    let tagger = Tagger::bundled().context("cannot load the territory layers")?;
    let thesaurus = Thesaurus::bundled();
    let context = IngestContext::new(&tagger, &thesaurus);
    let sources = [ndjson.display().to_string()];
    let outcome = ingest(&sources, &context, &|_| {});
    let ingest_time = started.elapsed();
    drop(batch);
    anyhow::ensure!(
        !outcome.organisations.is_empty(),
        "ingesting {} gave no organisation",
        ndjson.display()
    );
    tracing::info!(
        size,
        organisations = outcome.organisations.len(),
        ?ingest_time,
        "corpus ready"
    );
    Ok(Corpus {
        ndjson,
        organisations: outcome.organisations,
        generate_time,
        ingest_time,
    })
}

/// Builds and publishes an index version of the corpus under `root`.
pub fn build_index(root: &Path, corpus: &Corpus) -> anyhow::Result<BuiltIndex> {
    if root.exists() {
        fs::remove_dir_all(root).with_context(|| format!("cannot clear {}", root.display()))?;
    }
    let thesaurus = Thesaurus::bundled();
    let sources = [corpus.ndjson.display().to_string()];
    let batch = orienta_allocator::batch_mode();
    let started = Instant::now();
    let summary = orienta_search::build_version(root, &corpus.organisations, &thesaurus, &sources)?;
    let build_time = started.elapsed();
    drop(batch);
    Ok(BuiltIndex {
        root: root.to_path_buf(),
        build_time,
        disk_bytes: directory_size(&summary.directory),
        documents: summary.manifest.documents,
    })
}

/// Total size of the files under `directory`.
pub fn directory_size(directory: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(directory) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(metadata) if metadata.is_dir() => directory_size(&entry.path()),
            Ok(metadata) => metadata.len(),
            Err(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_size_sums_nested_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a"), [0u8; 10]).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub").join("b"), [0u8; 5]).unwrap();
        assert_eq!(directory_size(dir.path()), 15);
    }
}
