//! Building a new index version from canonical organisations.

use crate::analysis;
use crate::changes::{self, Digest};
use crate::document;
use crate::schema;
use crate::versions::{self, Manifest, BUILDING_PREFIX};
use crate::SearchError;
use orienta_model::Organisation;
use orienta_thesaurus::Thesaurus;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// Version of the index layout; bump when the schema changes.
pub const SCHEMA_VERSION: u32 = 5;

/// What a build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// The new version's directory.
    pub directory: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
    /// Change events appended to the feed.
    pub changes: usize,
}

/// Builds a new version under `root` from `organisations` and makes it the serving one.
///
/// The version is written in a `.building-*` directory, committed, then renamed and
/// pointed at by `CURRENT` in one atomic rename.
pub fn build_version(
    root: &Path,
    organisations: &[Organisation],
    thesaurus: &Thesaurus,
    sources: &[String],
) -> Result<BuildSummary, SearchError> {
    let started = std::time::Instant::now();
    fs::create_dir_all(root)?;
    versions::clean(root);
    let version = versions::new_version_name(root);
    let building_dir = root.join(format!("{BUILDING_PREFIX}{version}"));
    fs::create_dir_all(&building_dir)?;

    let (schema, fields) = schema::build();
    let index = tantivy::Index::create_in_dir(&building_dir, schema)?;
    analysis::register(&index);
    let mut writer: tantivy::IndexWriter = index.writer(256 * 1024 * 1024)?;
    let digest = organisations
        .par_iter()
        .map(|organisation| -> Result<(String, String), SearchError> {
            let json = serde_json::to_string(organisation)
                .map_err(|error| SearchError::Corrupt(error.to_string()))?;
            for doc in document::documents(organisation, &json, thesaurus, &fields) {
                writer.add_document(doc)?;
            }
            Ok((organisation.id.clone(), changes::hash(&json)))
        })
        .collect::<Result<Digest, SearchError>>()?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "documents added"
    );
    writer.commit()?;
    writer.wait_merging_threads()?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "index committed"
    );

    let reader: tantivy::IndexReader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let manifest = Manifest {
        version: version.clone(),
        created_at: chrono::Utc::now().to_rfc3339(),
        organisations: organisations.len(),
        documents: reader.searcher().num_docs(),
        synthetic: organisations.iter().filter(|o| o.synthetic).count(),
        sources: sources.to_vec(),
        schema_version: SCHEMA_VERSION,
    };
    let manifest_json = serde_json::to_string_pretty(&manifest)
        .map_err(|error| SearchError::Corrupt(error.to_string()))?;
    fs::write(building_dir.join("manifest.json"), manifest_json)?;
    changes::write_digest(&building_dir, &digest)?;

    let previous = versions::current_dir(root).map(|dir| changes::read_digest(&dir));
    let directory = versions::publish(root, &building_dir, &version)?;
    let changes = changes::append(root, &version, previous.as_ref(), &digest)?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "version published"
    );
    tracing::info!(
        version = %version,
        organisations = manifest.organisations,
        documents = manifest.documents,
        changes,
        "index version published"
    );
    Ok(BuildSummary {
        directory,
        manifest,
        changes,
    })
}
