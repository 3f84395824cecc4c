//! Building a new index version from canonical organisations.

use crate::analysis;
use crate::changes::{self, Digest};
use crate::document;
use crate::fault;
use crate::lock::{IndexLock, LockWait};
use crate::schema;
use crate::versions::{self, Manifest, BUILDING_PREFIX};
use crate::SearchError;
use orienta_model::{Lang, Organisation};
use orienta_text::compound::MIN_PART_CHARS;
use orienta_thesaurus::Thesaurus;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use crate::versions::{ANALYZERS, SCHEMA_VERSION};

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

/// Builds a new version under `root` from `organisations` and makes it the serving one,
/// taking the writer lock of `root` for the duration (fails when another writer holds it).
pub fn build_version(
    root: &Path,
    organisations: &[Organisation],
    thesaurus: &Thesaurus,
    sources: &[String],
) -> Result<BuildSummary, SearchError> {
    let lock = IndexLock::acquire(root, LockWait::Fail)?;
    build_version_locked(&lock, organisations, thesaurus, sources)
}

/// Builds and publishes a new version under the locked root.
///
/// The version is written in a `.building-*` directory and committed; then it is renamed
/// into place, its change events are appended to the feed and synced, and only then
/// `CURRENT` switches to it in one atomic rename. The root is repaired first
/// ([`crate::repair::repair`]) and stale builds are removed.
pub fn build_version_locked(
    lock: &IndexLock,
    organisations: &[Organisation],
    thesaurus: &Thesaurus,
    sources: &[String],
) -> Result<BuildSummary, SearchError> {
    let started = std::time::Instant::now();
    let root = lock.root();
    crate::repair::repair(lock)?;
    versions::clean(lock);
    let version = versions::new_version_name(root);
    let building_dir = root.join(format!("{BUILDING_PREFIX}{version}"));
    fs::create_dir_all(&building_dir)?;
    let (manifest, digest) =
        write_version(&building_dir, &version, organisations, thesaurus, sources)?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "index committed"
    );

    let previous = versions::current_dir(root).map(|dir| changes::read_digest(&dir));
    let directory = versions::install(root, &building_dir, &version)?;
    fault::point("after-rename");
    let changes = changes::append(root, &version, previous.as_ref(), &digest)?;
    fault::point("after-feed");
    versions::switch_current(root, &version)?;
    fault::point("after-switch");
    tracing::info!(
        version = %version,
        organisations = manifest.organisations,
        documents = manifest.documents,
        changes,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "index version published"
    );
    Ok(BuildSummary {
        directory,
        manifest,
        changes,
    })
}

/// The lower-case Dutch words that parts may be: every word of the records' Dutch texts and
/// of the thesaurus's Dutch labels and terms, at least `MIN_PART_CHARS` long.
fn vocabulary(organisations: &[Organisation], thesaurus: &Thesaurus) -> HashSet<String> {
    let mut words = HashSet::new();
    let mut add = |text: &str| {
        for word in orienta_text::words(text) {
            if word.text.chars().count() >= MIN_PART_CHARS {
                words.insert(word.text.to_lowercase());
            }
        }
    };
    for organisation in organisations {
        add(&document::language_text(organisation, thesaurus, Lang::Nl));
    }
    for concept in thesaurus.concepts() {
        let (_, dutch, _, _) = thesaurus.terms(&concept.id);
        dutch.iter().for_each(|term| add(term));
    }
    words
}

/// Writes the tantivy index, the manifest and the digest of a version into `dir`.
fn write_version(
    dir: &Path,
    version: &str,
    organisations: &[Organisation],
    thesaurus: &Thesaurus,
    sources: &[String],
) -> Result<(Manifest, Digest), SearchError> {
    let (schema, fields) = schema::build();
    let index = tantivy::Index::create_in_dir(dir, schema)?;
    analysis::register_for_build(&index, vocabulary(organisations, thesaurus));
    let mut writer: tantivy::IndexWriter = index.writer(256 * 1024 * 1024)?;
    let name_order = name_order(organisations);
    let digest = organisations
        .par_iter()
        .zip(name_order.par_iter())
        .map(
            |(organisation, order)| -> Result<(String, String), SearchError> {
                let json = serde_json::to_string(organisation)
                    .map_err(|error| SearchError::Corrupt(error.to_string()))?;
                for mut doc in document::documents(organisation, &json, thesaurus, &fields) {
                    doc.add_u64(fields.name_order, *order);
                    writer.add_document(doc)?;
                }
                Ok((
                    organisation.id.clone(),
                    changes::content_hash(organisation)?,
                ))
            },
        )
        .collect::<Result<Digest, SearchError>>()?;
    writer.commit()?;
    writer.wait_merging_threads()?;

    let reader: tantivy::IndexReader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    let manifest = Manifest {
        version: version.to_owned(),
        created_at: chrono::Utc::now().to_rfc3339(),
        organisations: organisations.len(),
        documents: reader.searcher().num_docs(),
        synthetic: organisations.iter().filter(|o| o.synthetic).count(),
        sources: sources.to_vec(),
        schema_version: SCHEMA_VERSION,
        analyzers: ANALYZERS.to_owned(),
    };
    let manifest_json = serde_json::to_string_pretty(&manifest)
        .map_err(|error| SearchError::Corrupt(error.to_string()))?;
    let mut file = fs::File::create(dir.join("manifest.json"))?;
    file.write_all(manifest_json.as_bytes())?;
    file.sync_all()?;
    changes::write_digest(dir, &digest)?;
    versions::sync_dir(dir);
    Ok((manifest, digest))
}

/// Each organisation's place in the alphabetical order of its folded name (French, else
/// Dutch), ties by id: browsing without words lists services by name.
fn name_order(organisations: &[Organisation]) -> Vec<u64> {
    let mut keys: Vec<(String, &str, usize)> = organisations
        .iter()
        .enumerate()
        .map(|(position, organisation)| {
            let name = organisation
                .name
                .get(Lang::Fr)
                .or_else(|| organisation.name.get(Lang::Nl))
                .unwrap_or_default();
            (orienta_text::fold(name), organisation.id.as_str(), position)
        })
        .collect();
    keys.sort_unstable();
    let mut order = vec![0; organisations.len()];
    for (rank, (_, _, position)) in keys.into_iter().enumerate() {
        order[position] = rank as u64;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::ANALYZERS;
    use crate::{decompound, stem};

    #[test]
    fn the_recorded_stemmer_is_the_pinned_one() {
        let manifest = include_str!("../Cargo.toml");
        let pinned = manifest
            .lines()
            .find_map(|line| line.trim().strip_prefix("frostem = \"="))
            .and_then(|rest| rest.strip_suffix('"'))
            .expect("frostem is pinned with = in crates/search/Cargo.toml");
        assert_eq!(
            ANALYZERS,
            format!(
                "frostem={pinned};{};{};{}",
                orienta_text::RULES,
                decompound::RULES,
                stem::RULES
            )
        );
    }
}
